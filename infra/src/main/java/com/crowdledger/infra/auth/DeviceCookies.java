package com.crowdledger.infra.auth;

import com.crowdledger.shared.crypto.Digests;
import com.crowdledger.shared.crypto.PlatformSecrets;
import com.crowdledger.shared.crypto.RandomTokens;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Device cookies (Openwall's scheme, which OWASP recommends against lockouts): a browser that logged in to a verified
 * account gets a cookie signed for that account, {@code <nonce>.<expiry>.<HMAC>}. Its later login attempts on the
 * account's e-mail are limited on their own (per nonce), so failures that others cause, who cannot have the cookie,
 * never lock it out. Bound to the account, not the e-mail: a cookie from a registration that lapsed is worth nothing
 * to the account that took the address next. Nothing is stored: the HMAC key is the platform secret
 * {@value #SECRET}, the same on every node.
 */
@Component
class DeviceCookies {
    static final String COOKIE = "crowdledger_device";
    static final Duration LIFETIME = Duration.ofDays(90);
    static final String SECRET = "login-device-cookie";

    private final PlatformSecrets secrets;

    DeviceCookies(PlatformSecrets secrets) {
        this.secrets = secrets;
    }

    /** A cookie value for a browser that has just logged in to this account. */
    String issue(String accountId) {
        String nonce = RandomTokens.base62(22);
        long expires = Instant.now().plus(LIFETIME).getEpochSecond();
        return nonce + "." + expires + "." + signature(accountId, nonce, expires);
    }

    /** The device (its nonce) if the request carries an unexpired cookie signed for this account; else null. */
    String deviceOf(HttpServletRequest request, String accountId) {
        String value = cookie(request);
        String[] parts = value == null ? new String[0] : value.split("\\.", -1);
        if (parts.length != 3 || parts[0].isEmpty() || !parts[1].matches("[0-9]{1,12}")) {
            return null;
        }
        long expires = Long.parseLong(parts[1]);
        boolean valid = Digests.constantTimeEquals(signature(accountId, parts[0], expires), parts[2])
                && Instant.now().getEpochSecond() < expires;
        return valid ? parts[0] : null;
    }

    private String signature(String accountId, String nonce, long expires) {
        return Digests.hmacSha256Hex(secrets.get(SECRET), accountId + "\n" + nonce + "\n" + expires);
    }

    private static String cookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (COOKIE.equals(cookie.getName())) {
                    return cookie.getValue();
                }
            }
        }
        return null;
    }
}
