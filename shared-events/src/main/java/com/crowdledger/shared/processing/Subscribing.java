package com.crowdledger.shared.processing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a processing group subscribing: its handlers run in the transaction of the command that applied the
 * event, so what they write commits with the event (a read model the client reads right after its write, a lookup
 * a concurrent command must see), and a failure in them fails the command. Every processing group declares itself
 * {@code @Subscribing} or {@link Tracking}, beside its handlers; the application refuses to start otherwise.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface Subscribing {
}
