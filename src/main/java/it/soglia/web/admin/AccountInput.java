package it.soglia.web.admin;

import it.soglia.account.EmailChange;
import java.util.Optional;
import java.util.regex.Pattern;

/** What an admin types as an account's name and email, checked alike when creating and when editing. */
final class AccountInput {

    static final int MAX_NAME = 200; // the column's size
    static final int MAX_EMAIL = 254;
    private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");

    private AccountInput() {
    }

    /** Why {@code name} cannot be a display name, as the key of the message saying so; empty when it can. */
    static Optional<String> nameRefusal(String name) {
        if (name == null || name.isBlank()) {
            return Optional.of("admin.users.create.name-required");
        }
        if (name.length() > MAX_NAME) {
            return Optional.of("admin.users.create.name-too-long");
        }
        return CONTROL.matcher(name).find() ? Optional.of("admin.users.create.name-control") : Optional.empty();
    }

    /** An address mail can go to; an account may have none, which the caller decides. */
    static boolean isEmail(String email) {
        return email.length() <= MAX_EMAIL && EmailChange.EMAIL.matcher(email).matches();
    }
}
