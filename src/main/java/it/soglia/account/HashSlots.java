package it.soglia.account;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Function;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;

/**
 * A fixed number of places for password hashes: a hash runs in a free one, or waits for the first to come free,
 * first come first served.
 *
 * <p>Each place keeps the memory of one hash (Argon2's 1 KiB blocks, 7 MiB at m=7168) and lends it to one hash at a
 * time. Without it every hash allocates its memory anew, and under a capped heap ({@code -Xmx320m}) the collector
 * then cost 10-27 ms of CPU per sign-in (BENCHMARKS.md). One pool shared by all hashes at once was worse still: blocks
 * handed back by concurrent hashes come out scattered, and a hash cost 30-60 % more CPU. Bouncy Castle zeroes each
 * block before it returns to the pool, so nothing derived from a password stays behind.
 */
final class HashSlots {

    private final int count;
    private final BlockingQueue<Argon2BytesGenerator.BlockPool> free;

    HashSlots(int count, int blocksPerHash) {
        if (count < 1) {
            throw new IllegalArgumentException("at least one slot, not " + count);
        }
        this.count = count;
        this.free = new ArrayBlockingQueue<>(count, true);
        for (int i = 0; i < count; i++) {
            free.add(new Argon2BytesGenerator.FixedBlockPool(blocksPerHash)); // blocks are made on first use
        }
    }

    int count() {
        return count;
    }

    /** Waits for a slot even when interrupted: a sign-in gives up its turn only by timing out at the browser. */
    <T> T run(Function<Argon2BytesGenerator.BlockPool, T> hashing) {
        Argon2BytesGenerator.BlockPool blocks = take();
        try {
            return hashing.apply(blocks);
        } finally {
            free.add(blocks);
        }
    }

    private Argon2BytesGenerator.BlockPool take() {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return free.take();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
