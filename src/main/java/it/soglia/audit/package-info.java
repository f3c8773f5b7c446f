/**
 * The audit trail: one row per account or two-factor event, written in the transaction of the change it
 * records, so an event is never lost and never recorded for a change that rolled back.
 */
package it.soglia.audit;
