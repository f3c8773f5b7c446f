package it.soglia.twofactor;

/** Who put an account back to first access. */
public enum ResetCause {
    /** The owner, through the mailed link of "Non sei più in possesso del codice?". */
    LINK,
    /** The owner, from "Profilo Utente". */
    SELF,
    /** An administrator, from the user's profile. */
    ADMIN
}
