package it.soglia.twofactor;

/**
 * The answer to a request to see the active key again: the check of the code typed with it, and the key only when
 * that code was accepted.
 */
public record ActiveKeyReveal(CodeCheck check, EnrolmentKey key) {

    public boolean isShown() {
        return key != null;
    }
}
