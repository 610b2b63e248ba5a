package com.crowdledger.query.delivery;

import com.crowdledger.shared.Ids;
import com.crowdledger.shared.Mode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The deliveries table as a queue that every node sends from. A node claims due deliveries in one statement that
 * locks them with {@code FOR UPDATE SKIP LOCKED} (nodes claiming at the same moment pass over each other's rows) and
 * sets each one's {@code claimed_until} to the end of the claim's lease, increasing its attempt count: the attempt is
 * that node's, and no other node sees the row as due until the lease lapses (a node that died mid-attempt). Only the
 * holder of the attempt number may record its outcome. The claim changes no indexed column, so PostgreSQL updates the
 * row in place (a HOT update, no index touched); only the outcome moves the row in the indexes. Everything here is
 * plain SQL: it runs on every delivery.
 */
@Component
class DeliveryQueue {
    private static final Logger log = LoggerFactory.getLogger(DeliveryQueue.class);
    /**
     * How many due rows a claim looks at, per delivery it may claim: enough to find others when the first ones
     * belong to targets or accounts with no room, few enough that the scan and its two sorts stay cheap (a claim
     * runs every few deliveries under load; looking at 1,000 rows cost 5 ms, 256 under 1 ms).
     */
    private static final int SCAN_PER_CLAIMED = 4;
    /** At most this many, so a long backlog costs a bounded scan. */
    private static final int MAX_SCAN = 1000;

    private final JdbcTemplate jdbc;

    DeliveryQueue(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Queues deliveries in the caller's transaction, in one statement (a dispatcher's whole batch); one already queued
     * for its target and event is left alone.
     */
    void enqueue(Collection<NewDelivery> deliveries) {
        if (deliveries.isEmpty()) {
            return;
        }
        List<NewDelivery> rows = List.copyOf(deliveries);
        jdbc.update("""
                insert into deliveries (id, kind, target_id, account_id, mode, event_id, event_type, payload, status,
                                        next_attempt_at, created_at)
                select id, kind, target_id, account_id, mode, event_id, event_type, payload, 'PENDING',
                       next_attempt_at, ?
                from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                            ?::timestamptz[])
                    as d (id, kind, target_id, account_id, mode, event_id, event_type, payload, next_attempt_at)
                on conflict (kind, target_id, event_id) do nothing""", Timestamp.from(Instant.now()),
                column(rows, d -> Ids.next(Ids.DELIVERY)), column(rows, NewDelivery::kind),
                column(rows, NewDelivery::targetId), column(rows, NewDelivery::accountId),
                column(rows, d -> d.mode().name()), column(rows, NewDelivery::eventId),
                column(rows, NewDelivery::eventType), column(rows, NewDelivery::payload),
                column(rows, d -> d.dueAt().toString()));
    }

    /** One column of the rows, as the array {@code unnest} reads it. */
    private static String[] column(List<NewDelivery> rows, Function<NewDelivery, String> value) {
        return rows.stream().map(value).toArray(String[]::new);
    }

    /**
     * Claims up to {@code limit} due deliveries for one attempt each, within {@code room}: none of a target or an
     * account that has no room left, no more of one than its room. Accounts take turns (each one's first due
     * delivery, then each one's second...), so one account's backlog does not keep another's waiting.
     *
     * <p>A claim looks at the oldest due rows only. When it took fewer than it could and an account's room refused
     * some of them, they may all have been an account's with little room left (an old backlog to slow endpoints),
     * hiding newer accounts' rows behind them: a second look leaves out every account this node already holds or
     * just took. (Refused for their targets' room only, the rows were all there was to take: no second look.) That
     * look may scan the whole backlog of those accounts, so it is made only when {@code lookBehind}: the worker asks
     * for it at its poll (at least once per poll interval, whatever claims come between) and when a delivery is
     * retried by hand, not on every claim.
     */
    List<QueuedDelivery> claim(int limit, QueueRoom room, Duration lease, boolean lookBehind) {
        if (limit < 1) {
            return List.of();
        }
        Map<String, Integer> targetsLeft = new HashMap<>(room.targets());
        Map<String, Integer> accountsLeft = new HashMap<>(room.accounts());
        List<String> chosen = new ArrayList<>();
        boolean accountsRefused = choose(candidates(limit, room, room.fullAccounts()), room, targetsLeft, accountsLeft,
                chosen);
        if (lookBehind && accountsRefused && chosen.size() < limit) {
            choose(candidates(limit - chosen.size(), room, accountsLeft.keySet().toArray(String[]::new)), room,
                    targetsLeft, accountsLeft, chosen);
        }
        return claimChosen(chosen, lease);
    }

    /**
     * Claims those of the chosen deliveries that are still due and unclaimed once locked (another node may have
     * claimed one since it was chosen), skipping any another node is claiming right now.
     */
    List<QueuedDelivery> claimChosen(List<String> chosen, Duration lease) {
        if (chosen.isEmpty()) {
            return List.of();
        }
        // Locks the chosen rows by their ids alone, then checks that each is still due as locked (another node may
        // have claimed it since). With the due conditions where PostgreSQL can use them to find rows, and the
        // statistics of a queue always behind its newest due times, it walked the whole due backlog through
        // deliveries_due to find a few ids (1.6 ms a claim with a few thousand due, pg_stat_statements during
        // infra/bench/webhooks.sh), or worse, once per due row; the materialized lock leaves it only the ids.
        return jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement("""
                    with locked as materialized (
                        select id, status, next_attempt_at, claimed_until from deliveries
                        where id = any (?) for update skip locked)
                    update deliveries d
                    set attempts = d.attempts + 1, claimed_until = now() + make_interval(secs => ?)
                    from locked
                    where d.id = locked.id and locked.status = 'PENDING' and locked.next_attempt_at <= now()
                      and (locked.claimed_until is null or locked.claimed_until <= now())
                    returning d.id, d.kind, d.target_id, d.account_id, d.mode, d.event_id, d.event_type, d.payload,
                              d.attempts, d.created_at""");
            statement.setArray(1, connection.createArrayOf("text", chosen.toArray()));
            statement.setDouble(2, lease.toMillis() / 1000.0);
            return statement;
        }, (rs, i) -> queued(rs));
    }

    /**
     * Claims due deliveries of the given targets only, within {@code room} and {@code limit} in all: what a node
     * claims when it knows which targets have deliveries due (it queued them, or half of what it held of one is
     * done). Each target's claim is a statement of its own that reads that target's due rows in due order through
     * {@code deliveries_pending_by_target}, so it costs what it takes, where {@link #claim} ranks a few hundred due
     * rows of every target to choose among them. Each commits on its own: one that fails is logged and leaves its
     * target's rows for the next claim of every target, and the others' claims are returned, never dropped (when
     * the database cannot be reached, the targets after it are left for the poll too).
     */
    List<QueuedDelivery> claimTargets(Collection<DeliveryTarget> targets, int limit, QueueRoom room, Duration lease) {
        Map<String, Integer> accountsLeft = new HashMap<>(room.accounts());
        List<QueuedDelivery> claimed = new ArrayList<>();
        for (DeliveryTarget target : targets) {
            int ofAccount = accountsLeft.getOrDefault(target.accountId(), room.perAccount());
            int most = Math.min(limit - claimed.size(),
                    Math.min(ofAccount, room.targets().getOrDefault(target.key(), room.perTarget())));
            if (most < 1) {
                continue;
            }
            try {
                List<QueuedDelivery> taken = claimTarget(target, most, lease);
                accountsLeft.put(target.accountId(), ofAccount - taken.size());
                claimed.addAll(taken);
            } catch (DataAccessResourceFailureException e) {
                // no database: each next target would wait for a connection too; what was claimed is sent
                log.warn("Could not claim deliveries ({}); they wait for the next poll",
                        e.getMostSpecificCause().getMessage());
                break;
            } catch (DataAccessException e) {
                log.warn("Could not claim the deliveries of {} ({}); they wait for the next poll", target.key(),
                        e.getMostSpecificCause().getMessage());
            }
        }
        return claimed;
    }

    private List<QueuedDelivery> claimTarget(DeliveryTarget target, int limit, Duration lease) {
        return jdbc.query("""
                with locked as materialized (
                    select id from deliveries
                    where kind = ? and target_id = ? and status = 'PENDING' and next_attempt_at <= now()
                      and account_id = ? and mode = ? and (claimed_until is null or claimed_until <= now())
                    order by next_attempt_at, id limit ? for update skip locked)
                update deliveries d
                set attempts = d.attempts + 1, claimed_until = now() + make_interval(secs => ?)
                from locked
                where d.id = locked.id
                returning d.id, d.kind, d.target_id, d.account_id, d.mode, d.event_id, d.event_type, d.payload,
                          d.attempts, d.created_at""", (rs, i) -> queued(rs), target.kind(), target.targetId(),
                target.accountId(), target.mode().name(), limit, lease.toMillis() / 1000.0);
    }

    /** Due rows of targets and accounts not left out, ranked per target and taking accounts in turn. */
    private List<String[]> candidates(int limit, QueueRoom room, String[] leftOutAccounts) {
        return jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement("""
                    select id, kind || ':' || target_id, account_id from (
                        select id, kind, target_id, account_id, next_attempt_at,
                               row_number() over (partition by kind, target_id order by next_attempt_at, id) as nth,
                               row_number() over (partition by account_id order by next_attempt_at, id) as turn
                        from (select id, kind, target_id, account_id, next_attempt_at from deliveries
                              where status = 'PENDING' and next_attempt_at <= now()
                                and (claimed_until is null or claimed_until <= now())
                                and not (kind || ':' || target_id = any (?)) and not (account_id = any (?))
                              order by next_attempt_at limit ?) due) ranked
                    where nth <= ? and turn <= ? order by turn, next_attempt_at limit ?""");
            statement.setArray(1, connection.createArrayOf("text", room.fullTargets()));
            statement.setArray(2, connection.createArrayOf("text", leftOutAccounts));
            statement.setInt(3, Math.min(MAX_SCAN, SCAN_PER_CLAIMED * limit));
            statement.setInt(4, room.perTarget());
            statement.setInt(5, room.perAccount());
            statement.setInt(6, limit);
            return statement;
        }, (rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
    }

    /**
     * Takes the candidates their target and account have room for; whether an account's room refused one (then
     * other accounts' rows may be due behind them).
     */
    private static boolean choose(List<String[]> candidates, QueueRoom room, Map<String, Integer> targetsLeft,
                                  Map<String, Integer> accountsLeft, List<String> chosen) {
        boolean accountsRefused = false;
        for (String[] candidate : candidates) {
            int target = targetsLeft.getOrDefault(candidate[1], room.perTarget());
            int account = accountsLeft.getOrDefault(candidate[2], room.perAccount());
            if (target > 0 && account > 0) {
                targetsLeft.put(candidate[1], target - 1);
                accountsLeft.put(candidate[2], account - 1);
                chosen.add(candidate[0]);
            } else if (account <= 0) {
                accountsRefused = true;
            }
        }
        return accountsRefused;
    }

    /**
     * Makes a delivery due now, for another attempt with the same webhook-id, unless an attempt is being made.
     *
     * @return false when an attempt is in progress (or there is no such delivery)
     */
    boolean retryNow(String deliveryId) {
        return jdbc.update("""
                update deliveries set status = 'PENDING', next_attempt_at = now(), completed_at = null
                where id = ? and (claimed_until is null or claimed_until < now())""", deliveryId) == 1;
    }

    /** Pending deliveries that have failed at least once: the retry queue. */
    long retryQueueDepth() {
        Long depth = jdbc.queryForObject(
                "select count(*) from deliveries where status = 'PENDING' and last_attempt_at is not null", Long.class);
        return depth == null ? 0 : depth;
    }

    private static QueuedDelivery queued(ResultSet rs) throws SQLException {
        return new QueuedDelivery(rs.getString("id"), rs.getString("kind"), rs.getString("target_id"),
                rs.getString("account_id"), Mode.valueOf(rs.getString("mode")), rs.getString("event_id"),
                rs.getString("event_type"), rs.getString("payload"), rs.getInt("attempts"),
                rs.getTimestamp("created_at").toInstant());
    }
}
