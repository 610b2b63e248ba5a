package com.crowdledger.query.delivery;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a node's {@link DeliveryWorker} may claim, and when it should claim again without waiting for its poll.
 * Not thread-safe: the worker calls it under its own lock.
 *
 * <p>A node keeps at most twice its workers' worth of claimed deliveries; of one target at most twice
 * {@code perTarget}, of which {@code perTarget} are sent at once (the others wait here for that target's turn); of one
 * account (both its modes) at most half the workers' worth, and the last half workers' worth of room only for
 * accounts that hold none. A claim that used up one of these allowances may have left more of it
 * due in the queue: the node claims again as soon as half of that allowance is free, so claims come in batches.
 * Deliveries finish while a claim runs, so whether a claim used up an allowance is judged by the room it was given,
 * and a batch that arrives when half is already free asks for the next claim at once. When it is a target's
 * allowance that is half free, the claim asked for is of that target alone ({@link DeliveryQueue#claimTargets}).
 */
final class ClaimBudget {
    private final int workers;
    private final int perTarget;
    private final int perAccount;
    private final int reserve;

    /** Claimed and not finished, per target ({@code kind:id}). */
    private final Map<String, Target> targets = new HashMap<>();
    /** Claimed and not finished, per account. */
    private final Map<String, Integer> accounts = new HashMap<>();
    /** Accounts whose allowance a claim used up: more of theirs may be due. */
    private final Set<String> fullAccounts = new HashSet<>();
    private int claimed;
    /** The last claim filled all the node's room: more may be due than was claimed. */
    private boolean moreMayBeDue;

    private static final class Target {
        final DeliveryTarget where;
        int claimed;
        int sending;
        /** A claim used up this target's allowance: more of it may be due. */
        boolean full;
        final ArrayDeque<QueuedDelivery> waiting = new ArrayDeque<>();

        Target(DeliveryTarget where) {
            this.where = where;
        }
    }

    /** The room a claim may take now: in all, and per target and account. */
    record Room(int total, QueueRoom queue) {
    }

    /**
     * Of an accepted batch, what to send now (the rest waits for its target's turn), whether to claim every target's
     * due rows again, and the targets to claim more of.
     */
    record Accepted(List<QueuedDelivery> toSend, boolean claimAgain, List<DeliveryTarget> topUps) {
    }

    /**
     * After a delivery finished: the one of its target to send next, if any, whether to claim every target's due rows
     * again, and the target to claim more of, if any.
     */
    record Finished(@Nullable QueuedDelivery next, boolean claimAgain, @Nullable DeliveryTarget topUp) {
    }

    ClaimBudget(int workers, int perTarget) {
        this.workers = workers;
        this.perTarget = perTarget;
        this.perAccount = Math.max(1, workers / 2);
        this.reserve = perAccount;
    }

    /**
     * The last half workers' worth of the node's room is kept for accounts that hold nothing here: without it, a few
     * accounts with slow endpoints and old backlogs would fill the room again each time one of their deliveries
     * finished (the claim takes the oldest due rows first), and another account's delivery would never be claimed.
     */
    Room room() {
        int total = 2 * workers - claimed;
        boolean reserveOnly = total <= reserve;
        Map<String, Integer> targetRoom = new HashMap<>();
        targets.forEach((key, target) -> targetRoom.put(key, 2 * perTarget - target.claimed));
        Map<String, Integer> accountRoom = new HashMap<>();
        accounts.forEach((account, count) -> accountRoom.put(account, reserveOnly ? 0 : perAccount - count));
        return new Room(total, new QueueRoom(2 * perTarget, targetRoom, perAccount, accountRoom));
    }

    /** Takes the batch of a claim of every target's due rows: it tells whether more may be due than it took. */
    Accepted accept(List<QueuedDelivery> batch, Room room) {
        moreMayBeDue = room.total() <= 0 || batch.size() == room.total();
        return take(batch, room);
    }

    /**
     * Takes the batch of a claim of {@code requested} alone. It can tell that more may be due (it had no room, or
     * filled it), never that nothing more is: only a claim of every target's due rows knows that. An account that had
     * no room left for a requested target (the room kept for accounts that hold nothing) is marked full, so it is
     * claimed when half of it is free. (A target with no room left was filled by a claim, which marked it full.)
     */
    Accepted acceptTargeted(List<QueuedDelivery> batch, Room room, Collection<DeliveryTarget> requested) {
        moreMayBeDue |= batch.size() >= room.total();
        for (DeliveryTarget wanted : requested) {
            if (accounts.containsKey(wanted.accountId())
                    && room.queue().accounts().getOrDefault(wanted.accountId(), perAccount) <= 0) {
                fullAccounts.add(wanted.accountId());
            }
        }
        return take(batch, room);
    }

    private Accepted take(List<QueuedDelivery> batch, Room room) {
        Map<String, Integer> ofTarget = new HashMap<>();
        Map<String, Integer> ofAccount = new HashMap<>();
        List<QueuedDelivery> toSend = new ArrayList<>();
        for (QueuedDelivery delivery : batch) {
            Target target = targets.computeIfAbsent(delivery.targetKey(), key -> new Target(delivery.target()));
            target.claimed++;
            accounts.merge(delivery.accountId(), 1, Integer::sum);
            claimed++;
            ofTarget.merge(delivery.targetKey(), 1, Integer::sum);
            ofAccount.merge(delivery.accountId(), 1, Integer::sum);
            if (target.sending < perTarget) {
                target.sending++;
                toSend.add(delivery);
            } else {
                target.waiting.add(delivery);
            }
        }
        boolean claimAgain = moreMayBeDue && claimed <= workers;
        List<DeliveryTarget> topUps = new ArrayList<>();
        for (Map.Entry<String, Integer> taken : ofTarget.entrySet()) {
            Target target = targets.get(taken.getKey());
            target.full = taken.getValue() >= room.queue().targets().getOrDefault(taken.getKey(), 2 * perTarget);
            if (targetHalfFree(target)) {
                topUps.add(target.where);
            }
        }
        for (Map.Entry<String, Integer> taken : ofAccount.entrySet()) {
            String account = taken.getKey();
            if (taken.getValue() >= room.queue().accounts().getOrDefault(account, perAccount)) {
                fullAccounts.add(account);
            }
            claimAgain |= accountHalfFree(account, accounts.get(account));
        }
        return new Accepted(toSend, settle(claimAgain), topUps);
    }

    Finished finished(QueuedDelivery delivery) {
        Target target = targets.get(delivery.targetKey());
        target.claimed--;
        int ofAccount = accounts.merge(delivery.accountId(), -1, Integer::sum);
        if (ofAccount == 0) {
            accounts.remove(delivery.accountId());
        }
        claimed--;
        QueuedDelivery next = target.waiting.poll();
        if (next == null) {
            target.sending--;
        }
        boolean claimAgain = (moreMayBeDue && claimed <= workers) | accountHalfFree(delivery.accountId(), ofAccount);
        DeliveryTarget topUp = targetHalfFree(target) ? target.where : null;
        if (target.claimed == 0) {
            targets.remove(delivery.targetKey());
        }
        return new Finished(next, settle(claimAgain), topUp);
    }

    private boolean targetHalfFree(Target target) {
        if (target.full && target.claimed <= perTarget) {
            target.full = false;
            return true;
        }
        return false;
    }

    private boolean accountHalfFree(String account, int claimedOfAccount) {
        return claimedOfAccount <= perAccount / 2 && fullAccounts.remove(account);
    }

    private boolean settle(boolean claimAgain) {
        if (claimAgain) {
            moreMayBeDue = false;
        }
        return claimAgain;
    }
}
