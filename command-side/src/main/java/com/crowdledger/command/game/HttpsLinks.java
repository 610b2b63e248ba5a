package com.crowdledger.command.game;

import com.crowdledger.shared.error.DomainException;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Links that people follow (a build's download, a submission's video): absolute https URLs without user info. The
 * platform never fetches them, so no SSRF check is needed.
 */
public final class HttpsLinks {
    public static final int MAX_LENGTH = 2000;

    private HttpsLinks() {
    }

    /** @return the URL, or 422 naming {@code field} */
    public static String require(String field, String url) {
        if (url == null || url.isBlank() || url.length() > MAX_LENGTH) {
            throw DomainException.invalid(field, "must be an https URL of at most " + MAX_LENGTH + " characters");
        }
        try {
            URI uri = new URI(url.strip());
            if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || uri.getUserInfo() != null) {
                throw DomainException.invalid(field, "must be an absolute https URL without user info");
            }
            return uri.toString();
        } catch (URISyntaxException e) {
            throw DomainException.invalid(field, "is not a valid URL");
        }
    }
}
