package com.crowdledger.query.tenancy;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A repository method that may read across tenants, with the reason: authentication looking a key up by its
 * prefix, testers discovering open campaigns of every account, an account being the tenant itself. Everything else
 * takes a {@link com.crowdledger.shared.web.Tenant}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface CrossTenant {
    /** Why this read may see other tenants' rows. */
    String value();
}
