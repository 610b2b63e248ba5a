package com.crowdledger.command.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crowdledger.command.secret.SecretHashing.Lane;
import com.crowdledger.shared.error.DomainException;
import com.crowdledger.shared.error.ErrorCode;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** argon2 work is bounded per lane: beyond the slots, a short wait, then 503; one lane never blocks the other. */
class SecretHashingTest {
    private final SecretHashing hashing = new SecretHashing(1, Duration.ofMillis(100));

    @Test
    void hashesVerifyAsPhcStrings() {
        String hash = hashing.hash("correct horse battery");
        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(hashing.verify(Lane.PRESENTED_KEYS, hash, "correct horse battery")).isTrue();
        assertThat(hashing.verify(Lane.ACCOUNTS, hash, "wrong")).isFalse();
    }

    @Test
    void workBeyondALanesSlotsWaitsBrieflyThenIsRefusedWith503WhileTheOtherLaneGoesOn() throws Exception {
        CountDownLatch inSlot = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> holder = CompletableFuture.supplyAsync(() -> hashing.inSlot(Lane.ACCOUNTS, () -> {
            inSlot.countDown();
            await(release);
            return "first";
        }));
        assertThat(inSlot.await(5, TimeUnit.SECONDS)).isTrue();

        long started = System.nanoTime();
        assertThatThrownBy(() -> hashing.inSlot(Lane.ACCOUNTS, () -> "second"))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
        assertThat(hashing.refusals(Lane.ACCOUNTS)).isEqualTo(1);
        assertThat(hashing.inSlot(Lane.PRESENTED_KEYS, () -> "keys go on")).isEqualTo("keys go on");

        release.countDown();
        assertThat(holder.get(5, TimeUnit.SECONDS)).isEqualTo("first");
        assertThat(hashing.inSlot(Lane.ACCOUNTS, () -> "third")).as("the slot is free again").isEqualTo("third");
    }

    @Test
    void waitingWorkGetsTheSlotWhenItFreesUp() throws Exception {
        SecretHashing patient = new SecretHashing(1, Duration.ofSeconds(10));
        CountDownLatch inSlot = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> holder = CompletableFuture.supplyAsync(() -> patient.inSlot(Lane.ACCOUNTS, () -> {
            inSlot.countDown();
            await(release);
            return "first";
        }));
        assertThat(inSlot.await(5, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<String> waiter = CompletableFuture.supplyAsync(() -> patient.inSlot(Lane.ACCOUNTS, () -> "second"));
        assertThat(waiter).isNotDone();
        release.countDown();
        assertThat(waiter.get(5, TimeUnit.SECONDS)).isEqualTo("second");
        assertThat(holder.get(5, TimeUnit.SECONDS)).isEqualTo("first");
    }

    @Test
    void aFailureFreesItsSlot() {
        assertThatThrownBy(() -> hashing.inSlot(Lane.ACCOUNTS, () -> {
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(hashing.inSlot(Lane.ACCOUNTS, () -> "next")).isEqualTo("next");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
