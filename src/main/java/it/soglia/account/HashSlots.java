package it.soglia.account;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * A fixed number of places for password hashes: a hash runs in a free one, or waits for the first to come free,
 * first come first served.
 */
final class HashSlots {

    private final int count;
    private final Semaphore free;

    HashSlots(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("at least one slot, not " + count);
        }
        this.count = count;
        this.free = new Semaphore(count, true);
    }

    int count() {
        return count;
    }

    /** Waits for a slot even when interrupted: a sign-in gives up its turn only by timing out at the browser. */
    <T> T run(Supplier<T> hashing) {
        free.acquireUninterruptibly();
        try {
            return hashing.get();
        } finally {
            free.release();
        }
    }
}
