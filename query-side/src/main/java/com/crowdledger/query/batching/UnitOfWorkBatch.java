package com.crowdledger.query.batching;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * What a batching projection gathers while the events of one unit of work (a tracking processor's batch, a chunk of
 * a rebuild's replay) go through its handlers, written once just before that unit of work commits: a few statements
 * per batch instead of a few per event.
 */
public final class UnitOfWorkBatch {
    private UnitOfWorkBatch() {
    }

    /**
     * The current unit of work's batch under {@code key}: made by {@code start} on the first event, and handed to
     * {@code write} when the unit of work prepares to commit (in its transaction).
     */
    public static <T> T current(String key, Supplier<T> start, Consumer<T> write) {
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(key, ignored -> {
            T batch = start.get();
            root.onPrepareCommit(unitOfWork -> write.accept(batch));
            return batch;
        });
    }

    /**
     * What {@code read} answers for {@code id}, read once per unit of work under {@code key} (on every call outside
     * one): for what a processor looks up for each event, such as the account's endpoints or the partner, which a
     * batch's events mostly share. The batch sees it as it was at its first read.
     */
    public static <K, V> V readOnce(String key, K id, Function<K, V> read) {
        if (!CurrentUnitOfWork.isStarted()) {
            return read.apply(id);
        }
        Map<K, V> values = CurrentUnitOfWork.get().root().getOrComputeResource(key, ignored -> new HashMap<>());
        return values.computeIfAbsent(id, read);
    }
}
