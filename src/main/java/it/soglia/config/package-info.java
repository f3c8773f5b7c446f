/**
 * Wiring shared by every layer: the clock, the random source, the data source, the session cookie, the settings check.
 * Every setting is a MicroProfile Config key, its default stated once in the settings bean of its prefix (README).
 */
package it.soglia.config;
