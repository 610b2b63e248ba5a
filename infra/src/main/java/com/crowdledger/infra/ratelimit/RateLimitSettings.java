package com.crowdledger.infra.ratelimit;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code crowdledger.ratelimit.*}: per key, requests per minute, hour and day (defaults 100 / 5,000 / 50,000);
 * {@code accounts.<accountId>.minute|hour|day} overrides them for every key of one account; {@code anonymous} limits
 * each client address on routes without a key (and failed authentications); {@code login-target} limits login
 * attempts per e-mail address. {@code enabled=false} switches all of it off.
 */
@ConfigurationProperties("crowdledger.ratelimit")
public record RateLimitSettings(Boolean enabled, Long minute, Long hour, Long day, Map<String, Limits> accounts,
                                Limits anonymous, Limits loginTarget) {
    public RateLimitSettings {
        enabled = enabled == null || enabled;
        minute = minute == null ? 100 : minute;
        hour = hour == null ? 5_000 : hour;
        day = day == null ? 50_000 : day;
        accounts = accounts == null ? Map.of() : Map.copyOf(accounts);
        anonymous = anonymous == null ? new Limits(60L, 1_000L, 10_000L) : anonymous;
        loginTarget = loginTarget == null ? new Limits(10L, 50L, 200L) : loginTarget;
    }

    Limits forAccount(String accountId) {
        Limits override = accounts.get(accountId);
        Limits defaults = new Limits(minute, hour, day);
        return override == null ? defaults : override.orElse(defaults);
    }

    /** Requests allowed per minute, hour and day; a null window falls back to the default. */
    public record Limits(Long minute, Long hour, Long day) {
        Limits orElse(Limits defaults) {
            return new Limits(minute != null ? minute : defaults.minute, hour != null ? hour : defaults.hour,
                    day != null ? day : defaults.day);
        }
    }
}
