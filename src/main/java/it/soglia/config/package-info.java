/**
 * Wiring shared by every layer: the clock, the random source, the data source, start-up checks and migrations.
 * Every setting is a MicroProfile Config key with its default in {@code META-INF/microprofile-config.properties}.
 */
package it.soglia.config;
