package com.crowdledger.shared.web;

/**
 * The address of the client that sent a request: the peer, or behind trusted proxies the nearest untrusted
 * {@code X-Forwarded-For} entry. A controller that must know it (a click keeps a keyed fingerprint of it) takes it
 * as a parameter; infra resolves it.
 */
public record ClientAddress(String value) {
}
