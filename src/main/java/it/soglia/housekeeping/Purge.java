package it.soglia.housekeeping;

import java.time.Instant;

/**
 * One kind of row that {@link Housekeeping} deletes once it no longer serves anyone. An implementation is a CDI bean
 * beside its rows (it alone knows when they are done) and deletes through {@link BatchDelete}.
 */
public interface Purge {

    /** What the rows are, in the log line: "sent mails". */
    String rows();

    /**
     * Deletes at most {@code max} done rows as of {@code now} in a transaction of its own, and says how many. Safe on
     * several nodes at once, and beside requests that change the same rows (see {@link BatchDelete}).
     */
    int deleteSome(Instant now, int max);
}
