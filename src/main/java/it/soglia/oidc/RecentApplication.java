package it.soglia.oidc;

import java.time.Instant;

/** An application a user signed in to, and when last: a line of the profile's "applications used recently". */
public record RecentApplication(String name, Instant lastSignedIn) {
}
