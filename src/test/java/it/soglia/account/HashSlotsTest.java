package it.soglia.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HashSlotsTest {

    @Test
    void noMoreHashesRunAtOnceThanThereAreSlots() throws Exception {
        HashSlots slots = new HashSlots(2, 8);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        Set<Object> memoryInUse = ConcurrentHashMap.newKeySet();
        AtomicInteger memoryLentTwice = new AtomicInteger();
        CountDownLatch allAsked = new CountDownLatch(6);
        ExecutorService sixSignIns = Executors.newFixedThreadPool(6);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String password = "password-" + i;
                results.add(sixSignIns.submit(() -> {
                    allAsked.countDown();
                    allAsked.await();
                    return slots.run(blocks -> {
                        if (!memoryInUse.add(blocks)) {
                            memoryLentTwice.incrementAndGet();
                        }
                        mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                        sleep(30); // long enough for the others to pile up at the door
                        running.decrementAndGet();
                        memoryInUse.remove(blocks);
                        return password.toUpperCase();
                    });
                }));
            }
            for (int i = 0; i < 6; i++) {
                assertThat(results.get(i).get(10, TimeUnit.SECONDS)).isEqualTo("PASSWORD-" + i);
            }
        } finally {
            sixSignIns.shutdownNow();
        }
        assertThat(mostAtOnce).hasValue(2);
        assertThat(memoryLentTwice).as("one slot's memory used by two hashes at once").hasValue(0);
    }

    @Test
    void aFailedHashGivesItsSlotBack() {
        HashSlots slots = new HashSlots(1, 8);

        assertThatThrownBy(() -> slots.run(blocks -> {
            throw new IllegalStateException("broken hash");
        })).hasMessage("broken hash");
        String next = slots.run(blocks -> "next");
        assertThat(next).isEqualTo("next");
    }

    @Test
    void zeroSlotsIsASettingMistakeNamedAtDeployment() {
        PasswordHashing hashing = new PasswordHashing();
        hashing.concurrentHashes = Optional.of(0);
        hashing.iterations = 1;
        hashing.memoryKiB = 64;
        hashing.parallelism = 1;
        hashing.random = new java.security.SecureRandom();

        assertThatThrownBy(hashing::init).hasMessage(
                "Soglia cannot start: soglia.password.concurrent-hashes must be at least 1, not 0");
    }

    @Test
    void withoutTheSettingThereIsOneSlotPerCore() {
        PasswordHashing hashing = new PasswordHashing();
        hashing.concurrentHashes = Optional.empty();
        hashing.iterations = 1;
        hashing.memoryKiB = 64;
        hashing.parallelism = 1;
        hashing.random = new java.security.SecureRandom();
        hashing.init();

        assertThat(hashing.description()).isEqualTo("Argon2id m=64 KiB, t=1, p=1, at most "
                + Runtime.getRuntime().availableProcessors() + " at once");
        assertThat(hashing.matches("right", hashing.hash("right"))).isTrue();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
