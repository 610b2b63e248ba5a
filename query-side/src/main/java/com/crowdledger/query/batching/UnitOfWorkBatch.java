package com.crowdledger.query.batching;

import java.util.function.Consumer;
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
}
