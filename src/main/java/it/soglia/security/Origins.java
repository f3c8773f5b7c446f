package it.soglia.security;

import it.soglia.audit.RequestOrigin;
import jakarta.servlet.http.HttpServletRequest;

/** The audit view of a request: the peer's address and its User-Agent. */
public final class Origins {

    private Origins() {
    }

    public static RequestOrigin of(HttpServletRequest request) {
        return new RequestOrigin(request.getRemoteAddr(), request.getHeader("User-Agent"));
    }
}
