package com.crowdledger.query.notification;

import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How many streams a key holds open across the cluster: a stream holds one of the key's numbered slots
 * ({@code notification_stream_slots}, primary key (key, slot)), so there can never be more streams than slots, on any
 * number of nodes: claiming a slot is one {@code insert ... on conflict do update} that only takes over a slot whose
 * holder stopped renewing it (a node that died). Every heartbeat renews the node's slots; a closed stream gives its
 * slot back.
 *
 * <p>An account's keys together hold at most {@code streams-per-account}: the claim counts the live slots of the
 * account's keys and takes one in a transaction that holds the account's advisory lock, so two claims of one account
 * on any nodes take turns and never both see room for one stream.
 */
@Component
class StreamSlots {
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final NotificationSettings settings;

    /** What a claim got: a slot, or the limit that refused it. */
    enum Claim { CLAIMED, KEY_FULL, ACCOUNT_FULL, NODE_FULL }

    StreamSlots(JdbcTemplate jdbc, TransactionTemplate transaction, NotificationSettings settings) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.settings = settings;
    }

    /** One of the key's slots for the stream, unless the key or its account holds every stream it may. */
    Claim claim(String keyId, String accountId, String streamId) {
        return transaction.execute(status -> {
            jdbc.query("select pg_advisory_xact_lock(hashtextextended('notification-streams ' || ?, 0))",
                    rows -> { }, accountId);
            Long held = jdbc.queryForObject("""
                    select count(*) from notification_stream_slots s join api_keys k on k.id = s.key_id
                    where k.account_id = ? and s.refreshed_at >= now() - make_interval(secs => ?)""",
                    Long.class, accountId, settings.slotLapse().toSeconds());
            if (held >= settings.streamsPerAccount()) {
                return Claim.ACCOUNT_FULL;
            }
            return claimOfKey(keyId, streamId) ? Claim.CLAIMED : Claim.KEY_FULL;
        });
    }

    private boolean claimOfKey(String keyId, String streamId) {
        for (int slot = 0; slot < settings.streamsPerKey(); slot++) {
            Boolean claimed = jdbc.query("""
                    insert into notification_stream_slots (key_id, slot, stream_id, refreshed_at)
                    values (?, ?, ?, now())
                    on conflict (key_id, slot) do update set stream_id = excluded.stream_id, refreshed_at = now()
                    where notification_stream_slots.refreshed_at < now() - make_interval(secs => ?)
                    returning true""", (ResultSetExtractor<Boolean>) ResultSet::next, keyId, slot, streamId,
                    settings.slotLapse().toSeconds());
            if (Boolean.TRUE.equals(claimed)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Renews the streams' slots; of these streams, those that still hold one. A slot that lapsed (its node could not
     * renew it for {@code slot-lapse}) may have been taken by another stream since: the stream that lost it must end.
     */
    Set<String> renew(Collection<String> streamIds) {
        if (streamIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.queryForList("""
                update notification_stream_slots set refreshed_at = now() where stream_id = any (?)
                returning stream_id""", String.class, (Object) streamIds.toArray(String[]::new)));
    }

    /** Of these streams, those whose key was revoked or has expired since they opened. */
    Set<String> ofUnusableKeys(Collection<String> streamIds) {
        if (streamIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.queryForList("""
                select s.stream_id from notification_stream_slots s join api_keys k on k.id = s.key_id
                where s.stream_id = any (?) and (k.revoked_at is not null or k.expires_at <= now())""",
                String.class, (Object) streamIds.toArray(String[]::new)));
    }

    void release(Collection<String> streamIds) {
        if (!streamIds.isEmpty()) {
            jdbc.update("delete from notification_stream_slots where stream_id = any (?)",
                    (Object) streamIds.toArray(String[]::new));
        }
    }
}
