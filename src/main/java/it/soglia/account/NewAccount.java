package it.soglia.account;

/** What it takes to create an account. */
public record NewAccount(String username, String displayName, String email, String language, Role role,
                         String password) {
}
