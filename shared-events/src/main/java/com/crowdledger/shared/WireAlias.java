package com.crowdledger.shared;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Other names an enum constant is read from (never written as): a seed product's name for it ({@code game_owner}),
 * or its own former name after a rename, so that requests written for the old name and events stored with it
 * still read. See {@link WireNames}.
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
public @interface WireAlias {
    String[] value();
}
