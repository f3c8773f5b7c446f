package it.soglia.testing;

/** An account made by {@link TestAccounts}, with the password in clear for the test to type. */
public record TestAccount(long id, String username, String password, String email) {
}
