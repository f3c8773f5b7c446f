package it.soglia.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
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
        CountDownLatch hashesMayEnd = new CountDownLatch(1);
        List<Thread> signInThreads = new CopyOnWriteArrayList<>();
        ExecutorService sixSignIns = Executors.newFixedThreadPool(6, work -> {
            Thread thread = new Thread(work);
            signInThreads.add(thread);
            return thread;
        });
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
                        awaitUninterrupted(hashesMayEnd); // the first two hold their slots while four queue
                        running.decrementAndGet();
                        memoryInUse.remove(blocks);
                        return password.toUpperCase();
                    });
                }));
            }
            awaitAllWaiting(signInThreads, running);
            hashesMayEnd.countDown();
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

    private static void awaitUninterrupted(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Until two hashes hold their slots and all six threads wait: the two in them, the four at the door. */
    private static void awaitAllWaiting(List<Thread> threads, AtomicInteger running) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!(running.get() == 2 && threads.size() == 6
                && threads.stream().allMatch(t -> t.getState() == Thread.State.WAITING))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the sign-ins never queued: " + running.get() + " hashing, threads "
                        + threads.stream().map(Thread::getState).toList());
            }
            Thread.onSpinWait();
        }
    }
}
