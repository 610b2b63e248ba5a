package com.crowdledger.shared.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an endpoint that needs no key (registration, login, click redirects, postbacks). Requests to it draw from
 * their client address's limit, unless it names a {@link #limit()} group.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface PublicEndpoint {
    /**
     * A limit group of its own, for public endpoints that servers call in bulk from one address (an advertiser's
     * postbacks) or that every visitor of a link calls (click redirects): a bucket per value of the route's path
     * variables (per offer, say), with the settings {@code crowdledger.ratelimit.public.<group>.minute|hour|day}.
     * Such requests do not draw from their address's limit, except those the endpoint refuses (401, 404), so
     * guessing stays as slow as elsewhere. Empty: the client address's limit, as for any public endpoint.
     */
    String limit() default "";
}
