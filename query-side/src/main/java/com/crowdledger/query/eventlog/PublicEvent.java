package com.crowdledger.query.eventlog;

import com.crowdledger.shared.Mode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * An event as it leaves the platform: its public id and type name, when it happened (to the millisecond: what the
 * event store keeps),
 * whose it is, the aggregate it belongs to (null for an event no aggregate applied) and its public fields.
 */
public record PublicEvent(String id, String type, Instant createdAt, String accountId, Mode mode, String aggregateId,
                          ObjectNode data) {
}
