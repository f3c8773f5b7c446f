/**
 * Deletes rows that no longer serve anyone: expired reset links, sent mails, finished throttle series, authorization
 * codes, and audit rows past {@code soglia.audit.retention}. {@link it.soglia.housekeeping.Housekeeping} runs every
 * {@link it.soglia.housekeeping.Purge} on a timer; each purge lives beside its rows and knows when they are done.
 * Depends on nothing else of Soglia: the other packages depend on it.
 */
package it.soglia.housekeeping;
