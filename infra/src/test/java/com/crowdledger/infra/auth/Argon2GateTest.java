package com.crowdledger.infra.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crowdledger.shared.error.DomainException;
import com.crowdledger.shared.error.ErrorCode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** argon2 work is bounded: beyond the slots, a short wait, then 503. */
class Argon2GateTest {
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final Argon2Gate gate = new Argon2Gate(meters, 1, Duration.ofMillis(100));

    @Test
    void workBeyondTheSlotsWaitsBrieflyThenIsRefusedWith503() throws Exception {
        CountDownLatch inSlot = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> holder = CompletableFuture.supplyAsync(() -> gate.run(() -> {
            inSlot.countDown();
            await(release);
            return "first";
        }));
        assertThat(inSlot.await(5, TimeUnit.SECONDS)).isTrue();

        long started = System.nanoTime();
        assertThatThrownBy(() -> gate.run(() -> "second"))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
        assertThat(meters.get("crowdledger.auth.argon2.busy").counter().count()).isEqualTo(1);

        release.countDown();
        assertThat(holder.get(5, TimeUnit.SECONDS)).isEqualTo("first");
        assertThat(gate.run(() -> "third")).as("the slot is free again").isEqualTo("third");
    }

    @Test
    void waitingWorkGetsTheSlotWhenItFreesUp() throws Exception {
        Argon2Gate patient = new Argon2Gate(meters, 1, Duration.ofSeconds(10));
        CountDownLatch inSlot = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> holder = CompletableFuture.supplyAsync(() -> patient.run(() -> {
            inSlot.countDown();
            await(release);
            return "first";
        }));
        assertThat(inSlot.await(5, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<String> waiter = CompletableFuture.supplyAsync(() -> patient.run(() -> "second"));
        assertThat(waiter).isNotDone();
        release.countDown();
        assertThat(waiter.get(5, TimeUnit.SECONDS)).isEqualTo("second");
        assertThat(holder.get(5, TimeUnit.SECONDS)).isEqualTo("first");
    }

    @Test
    void aFailureFreesItsSlot() {
        assertThatThrownBy(() -> gate.run(() -> {
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(gate.run(() -> "next")).isEqualTo("next");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
