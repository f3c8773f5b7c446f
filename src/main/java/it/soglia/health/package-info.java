/**
 * MicroProfile Health checks: {@code /health/ready} says whether this node can serve sign-ins (database and mail
 * reachable), {@code /health/live} whether it should be restarted.
 */
package it.soglia.health;
