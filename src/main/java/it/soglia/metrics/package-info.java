/**
 * MicroProfile Metrics counters of this node ({@code /metrics}, names starting with {@code soglia_}): what the audit
 * log records, counted once committed, and mail deliveries. Each node counts its own; sum them across nodes.
 */
package it.soglia.metrics;
