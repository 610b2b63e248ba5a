package com.crowdledger.shared.listen;

/**
 * A PostgreSQL {@code NOTIFY} channel that a component hears on every node, through the node's one listening
 * connection (infra's {@code DatabaseChannels}): a bean implementing this is all a feature writes. Notifications come
 * at most once: a node that lost its connection may have missed some, and is told so through {@link #missed()}.
 */
public interface DatabaseChannel {

    /** The channel's name, as the {@code pg_notify} that sends to it names it. */
    String name();

    /** One notification's payload, on the listening thread: return quickly. */
    void received(String payload);

    /**
     * What was sent may have been missed: the connection failed, or this node (re)started listening. Catch up from
     * the database (or forget what may be stale).
     */
    void missed();
}
