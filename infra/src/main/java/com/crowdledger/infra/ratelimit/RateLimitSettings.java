package com.crowdledger.infra.ratelimit;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Name;

/**
 * {@code crowdledger.ratelimit.*}: per key, requests per minute, hour and day (defaults 100 / 5,000 / 50,000);
 * {@code accounts.<accountId>.minute|hour|day} overrides them for every key of one account; {@code anonymous} limits
 * each client address (an IPv6 /64) on routes without a key and for refused keys. Failed logins are limited per
 * e-mail and client ({@code login-client}: the client's address, or its device cookie for that e-mail) and per
 * e-mail for clients without its device cookie ({@code login-target}); see ARCHITECTURE.md, "Login protection".
 * {@code public.<group>} limits the public endpoints that name that limit group, per value of their path variables
 * (defaults {@value #PUBLIC_MINUTE} / {@value #PUBLIC_HOUR} / {@value #PUBLIC_DAY}); {@code public-per-address.<group>}
 * caps what one client network may take of one target's limit a minute (clicks: {@value #CLICKS_PER_ADDRESS}; none
 * for postbacks, which an advertiser's server sends from one address).
 * {@code enabled=false} switches all of it off.
 */
@ConfigurationProperties("crowdledger.ratelimit")
public record RateLimitSettings(Boolean enabled, Long minute, Long hour, Long day, Map<String, Limits> accounts,
                                Limits anonymous, Limits loginClient, Limits loginTarget,
                                @Name("public") Map<String, Limits> publicGroups,
                                @Name("public-per-address") Map<String, Long> publicPerAddress) {
    /** High: an advertiser's server sends every postback of a busy offer, and every visitor of a link clicks. */
    static final long PUBLIC_MINUTE = 120_000;
    static final long PUBLIC_HOUR = 3_000_000;
    static final long PUBLIC_DAY = 30_000_000;
    /** Ten a second from one address (a NAT, a carrier's shared address) to one offer: more than people click. */
    static final long CLICKS_PER_ADDRESS = 600;

    public RateLimitSettings {
        enabled = enabled == null || enabled;
        minute = minute == null ? 100 : minute;
        hour = hour == null ? 5_000 : hour;
        day = day == null ? 50_000 : day;
        accounts = accounts == null ? Map.of() : Map.copyOf(accounts);
        anonymous = orElse(anonymous, new Limits(60L, 1_000L, 10_000L));
        loginClient = orElse(loginClient, new Limits(5L, 20L, 50L));
        loginTarget = orElse(loginTarget, new Limits(20L, 100L, 300L));
        publicGroups = publicGroups == null ? Map.of() : Map.copyOf(publicGroups);
        Map<String, Long> perAddress = new HashMap<>(Map.of("click", CLICKS_PER_ADDRESS));
        if (publicPerAddress != null) {
            perAddress.putAll(publicPerAddress); // a group set leaves the others' defaults
        }
        publicPerAddress = Map.copyOf(perAddress);
    }

    /** What one client network may take of one target's limit a minute; null: no cap. */
    Long perAddressMinute(String group) {
        return publicPerAddress.get(group);
    }

    Limits forPublicGroup(String group) {
        return orElse(publicGroups.get(group), new Limits(PUBLIC_MINUTE, PUBLIC_HOUR, PUBLIC_DAY));
    }

    Limits forAccount(String accountId) {
        return orElse(accounts.get(accountId), new Limits(minute, hour, day));
    }

    private static Limits orElse(Limits limits, Limits defaults) {
        return limits == null ? defaults : limits.orElse(defaults);
    }

    /** Requests allowed per minute, hour and day; a null window falls back to the default. */
    public record Limits(Long minute, Long hour, Long day) {
        Limits orElse(Limits defaults) {
            return new Limits(minute != null ? minute : defaults.minute, hour != null ? hour : defaults.hour,
                    day != null ? day : defaults.day);
        }
    }
}
