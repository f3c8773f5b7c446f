package it.soglia.bench;

import java.util.Arrays;

/** Times of one kind of request, for percentiles: a growable array of nanoseconds, filled by one thread. */
final class Latencies {

    private long[] nanos = new long[256];
    private int size;

    void add(long value) {
        if (size == nanos.length) {
            nanos = Arrays.copyOf(nanos, size * 2);
        }
        nanos[size++] = value;
    }

    void addAll(Latencies other) {
        for (int i = 0; i < other.size; i++) {
            add(other.nanos[i]);
        }
    }

    int count() {
        return size;
    }

    /** The {@code p}-th percentile in milliseconds (nearest rank); NaN when empty. */
    double percentileMs(double p) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * size) - 1;
        return sorted[Math.max(0, Math.min(size - 1, rank))] / 1e6;
    }
}
