package com.crowdledger.command.tracking.conversion;

import com.crowdledger.command.consistency.TransactionLocks;
import com.crowdledger.command.tracking.TrackingClock;
import com.crowdledger.command.tracking.TrackingSettings;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Ends holds on the cluster's scheduler without a scheduled row per conversion: one task per offer and hold bucket
 * ({@link TrackingSettings#holdBucket()}, 10 minutes), {@value HoldApprovals#TASK_NAME} with instance
 * {@code <offer>-<bucket end>}, approves every pending conversion of the offer whose hold ended by the bucket's end.
 * The first postback of a bucket schedules it, in its own transaction, so the task exists if and only if some
 * conversion waits for it. This node then remembers the bucket, and the next postbacks of the bucket pay nothing
 * (trusted only while the bucket's end is more than a bucket away: no task can have run yet).
 */
@Component
class HoldPeriods {
    private static final int FORGET_ABOVE = 10_000;

    private final SchedulerClient scheduler;
    private final TransactionLocks locks;
    private final TrackingSettings settings;
    /** Buckets whose task this node saw scheduled (committed), by instance id, with their end. */
    private final Map<String, Instant> scheduled = new ConcurrentHashMap<>();

    HoldPeriods(SchedulerClient scheduler, TransactionLocks locks, TrackingSettings settings) {
        this.scheduler = scheduler;
        this.locks = locks;
        this.settings = settings;
    }

    /** Makes sure the task of the conversion's bucket is scheduled, in the current transaction. */
    void schedule(String offerId, Instant holdEndsAt) {
        Instant bucketEnd = settings.holdBucketEnd(holdEndsAt);
        String instance = offerId + "-" + bucketEnd.toEpochMilli();
        Instant now = TrackingClock.now();
        if (scheduled.containsKey(instance) && now.isBefore(bucketEnd.minus(settings.holdBucket()))) {
            return;
        }
        // two first postbacks of a bucket take turns, so the second sees the first's row and inserts none (a unique
        // violation would abort the whole postback's transaction)
        locks.lock(HoldApprovals.TASK_NAME, instance);
        scheduler.scheduleIfNotExists(HoldApprovals.TASK.instance(instance)
                .data(new HoldApprovals.HoldBucket(offerId, bucketEnd)).build(), bucketEnd);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                remember(instance, bucketEnd, now);
            }
        });
    }

    private void remember(String instance, Instant bucketEnd, Instant now) {
        if (scheduled.size() > FORGET_ABOVE) {
            scheduled.values().removeIf(end -> end.isBefore(now));
        }
        scheduled.put(instance, bucketEnd);
    }
}
