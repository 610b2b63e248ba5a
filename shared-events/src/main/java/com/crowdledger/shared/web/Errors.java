package com.crowdledger.shared.web;

import com.crowdledger.shared.error.ErrorCode;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The domain error codes an endpoint may answer besides those the platform gives every route (authentication, rate
 * limits, validation, idempotency, not found on routes with an id, internal errors). On a class it applies to every
 * endpoint of the class, adding to what a method says. The API description lists each code under its HTTP status.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Errors {
    ErrorCode[] value();
}
