package com.crowdledger.shared.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a command sent for an anonymous visitor (a click on a tracking link): its actor metadata, and so the metadata of
 * every event it applies, leaves out the client's address. That address is a visitor's personal data, which such a
 * feature keeps only as a keyed fingerprint in its own event.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface NoClientAddress {
}
