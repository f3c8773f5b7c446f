package it.soglia.web;

import it.soglia.account.AccountService.ChangeResult;

/** Words a refused password change in the page's language. */
final class PasswordProblems {

    private PasswordProblems() {
    }

    /** Shows the message for {@code result}; true when the change was done. */
    static boolean report(ChangeResult result) {
        if (result == ChangeResult.DONE) {
            return true;
        }
        Messages.error("password.problem." + result.name(), it.soglia.account.PasswordPolicy.MIN_LENGTH);
        return false;
    }
}
