package com.crowdledger.it.scheduling;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Duration;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A test-only aggregate that sets a deadline the way a feature would (a conversion's hold period, a reservation's
 * lapse): the command handler schedules it through Axon's {@link DeadlineManager}, and the {@link DeadlineHandler}
 * applies an event when it fires. Event-sourced, so it needs no table of its own.
 */
@Aggregate
class TestTimer {
    static final String EXPIRY = "test-timer-expiry";

    record Start(@TargetAggregateIdentifier String timerId, Duration dueIn) {
    }

    record Started(String timerId) {
    }

    record Expiry(String timerId) {
    }

    record Expired(String timerId) {
    }

    @AggregateIdentifier
    private String timerId;

    TestTimer() {
        // for Axon
    }

    @CommandHandler
    TestTimer(Start command, DeadlineManager deadlines) {
        apply(new Started(command.timerId()));
        deadlines.schedule(command.dueIn(), EXPIRY, new Expiry(command.timerId()));
    }

    @DeadlineHandler(deadlineName = EXPIRY)
    void on(Expiry expiry) {
        apply(new Expired(expiry.timerId()));
    }

    @EventSourcingHandler
    void on(Started event) {
        timerId = event.timerId();
    }
}
