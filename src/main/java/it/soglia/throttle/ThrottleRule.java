package it.soglia.throttle;

/** What is counted, and for whom. */
public enum ThrottleRule {
    /** Wrong passwords for a typed username, existing or not: both behave alike, so nothing tells them apart. */
    PASSWORD_BY_USERNAME,
    /** Wrong passwords from one client address, whatever the username (one address trying many accounts). */
    PASSWORD_BY_IP,
    /** Lost-code requests from one client address (each one may send a mail). */
    LOST_CODE_BY_IP,
    /** Unusable reset links opened or confirmed from one client address (someone guessing tokens). */
    RESET_BY_IP
}
