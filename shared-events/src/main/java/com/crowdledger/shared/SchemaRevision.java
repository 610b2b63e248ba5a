package com.crowdledger.shared;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The revision of an event's stored shape, written beside every stored event. An event without it is revision 1.
 * Raise it when a change would not read old JSON as it was meant (a renamed or re-typed field, a changed meaning),
 * and add an upcaster from the previous revision; adding an optional field needs neither. Plain Java so the
 * contract stays free of Axon: infra's revision resolver reads it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface SchemaRevision {
    String value();
}
