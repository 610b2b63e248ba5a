package com.crowdledger.query.delivery;

import java.net.URI;
import java.util.Map;

/**
 * One HTTP request of an attempt. {@code body} is null for a request without one (a GET postback); its type is the
 * {@code Content-Type} header, JSON when there is none.
 */
public record OutboundRequest(String method, URI url, Map<String, String> headers, byte[] body) {
}
