/**
 * Wiring shared by every layer: the clock, the random source, the data source, the session cookie, the settings check.
 * Every setting is a MicroProfile Config key with its default in {@code META-INF/microprofile-config.properties}.
 */
package it.soglia.config;
