/**
 * What runs once at deployment, before the first request: {@link it.soglia.startup.Bootstrap} checks the key, the
 * base URL and the database settings, brings the schema up to date (Flyway, with the Java migration
 * {@link it.soglia.startup.FillAccountSearchKeys}), then creates the demo accounts or the bootstrap admin;
 * {@link it.soglia.startup.ReadyBanner} logs "Soglia is running" once requests are answered. Nothing depends on it.
 */
package it.soglia.startup;
