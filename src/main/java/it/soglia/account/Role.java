package it.soglia.account;

import java.util.Set;

/** What an account may do. Admins are users too, so they keep their own profile. */
public enum Role {
    USER,
    ADMIN;

    /** The groups handed to the container at sign-in; web.xml maps URL patterns to them. */
    public Set<String> groups() {
        return this == ADMIN ? Set.of(USER.name(), ADMIN.name()) : Set.of(USER.name());
    }
}
