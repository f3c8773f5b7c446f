/**
 * The public addresses of Soglia, built from {@code soglia.base-url} and never from a request's Host header: links in
 * mails and the OpenID Connect issuer. A leaf, so the mail senders, the provider and start-up can all use it.
 */
package it.soglia.urls;
