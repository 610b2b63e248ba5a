package com.crowdledger.command.tracking.offer;

import com.crowdledger.shared.error.DomainException;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where an offer's clicks are sent: an absolute http(s) URL with a host and no user info, in plain ASCII (a
 * {@code Location} header carries it as it is). It is the only place a click can lead to.
 */
final class Destinations {
    static final int MAX_LENGTH = 2048;
    private static final String FIELD = "destinationUrl";

    private Destinations() {
    }

    static String require(String url) {
        if (url == null || url.isEmpty() || url.length() > MAX_LENGTH
                || !url.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw invalid();
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw invalid();
        }
        String scheme = uri.getScheme();
        if (!("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme)) || uri.getHost() == null
                || uri.getHost().isEmpty() || uri.getRawUserInfo() != null) {
            throw invalid();
        }
        return url;
    }

    private static DomainException invalid() {
        return DomainException.invalid(FIELD, "must be an absolute http or https URL with a host and without user "
                + "info, in ASCII (punycode and percent-encoding for anything else), at most " + MAX_LENGTH
                + " characters");
    }
}
