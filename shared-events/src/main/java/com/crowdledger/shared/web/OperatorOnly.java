package com.crowdledger.shared.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An operator route ({@code /admin/...}), beside its feature: it takes no API key ({@link PublicEndpoint}) but the
 * operator token, {@code Authorization: Bearer $CROWDLEDGER_ADMIN_TOKEN}, checked by the platform before the handler
 * runs; with no token configured the route does not exist (404). Operator routes are not part of the API description.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface OperatorOnly {
}
