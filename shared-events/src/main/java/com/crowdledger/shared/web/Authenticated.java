package com.crowdledger.shared.web;

import com.crowdledger.shared.Scope;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an endpoint that needs a caller. {@code scope} empty means any valid key. Every API endpoint carries
 * either this or {@link PublicEndpoint}; one with neither is refused (fail closed).
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Authenticated {
    Scope[] scope() default {};

    /** Also accept a dashboard session cookie (with its CSRF token on unsafe methods). */
    boolean dashboard() default false;
}
