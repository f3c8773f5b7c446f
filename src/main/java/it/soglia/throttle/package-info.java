/**
 * Throttling of guessable steps: wrong passwords per username and per client address, lost-code requests and
 * reset links per address. Counters live in the database, so every node of a cluster sees the same ones.
 */
package it.soglia.throttle;
