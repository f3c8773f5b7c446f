package it.soglia.directory;

/** The directory did not answer (down, unreachable, too slow, TLS refused): nothing could be checked there. */
public class DirectoryUnavailableException extends Exception {

    private static final long serialVersionUID = 1L;

    public DirectoryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
