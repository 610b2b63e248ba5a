package com.crowdledger.shared;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The scope a key needs to read a family of events (an events package, in its {@code package-info.java}) in the
 * event log: a key sees the account's activity only in the areas it works in, so a tracking key reads no chat text
 * and no game key. Every events package declares one; the application refuses to start otherwise.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PACKAGE)
public @interface ReadScope {
    Scope value();
}
