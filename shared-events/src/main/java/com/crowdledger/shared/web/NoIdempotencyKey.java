package com.crowdledger.shared.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A POST to which {@code Idempotency-Key} does not apply (the header is ignored): it creates nothing a retry could
 * duplicate, or deduplicates by a field of its own (a postback's txn_id), and its answer must never be replayed (a
 * login's fresh session; a postback, to a caller that has not shown the secret).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface NoIdempotencyKey {
}
