package com.crowdledger.shared;

/**
 * The metadata every command, and every event it applies, carries about who caused it. Written by infra's
 * {@code ActorMetadata} when a command is sent; read by the event log.
 */
public final class ActorMetadataKeys {
    /** {@code api_key}, {@code dashboard_session}, {@code anonymous} (a public endpoint) or {@code system}. */
    public static final String ACTOR = "actor";
    public static final String ACCOUNT_ID = "actorAccountId";
    /** Set for {@code api_key} actors only. */
    public static final String KEY_ID = "actorKeyId";
    public static final String REQUEST_ID = "requestId";
    public static final String CLIENT_ADDRESS = "clientAddress";

    /** An event caused by the platform itself (a deadline, a task, a dispatcher), with no request behind it. */
    public static final String SYSTEM = "system";

    private ActorMetadataKeys() {
    }
}
