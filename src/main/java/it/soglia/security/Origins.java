package it.soglia.security;

import it.soglia.audit.RequestOrigin;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The audit and throttling view of a request: the client's address and its User-Agent. Behind a reverse proxy
 * or load balancer every request comes from the proxy; when the peer is one of {@code soglia.http.trusted-proxies},
 * the client is the nearest address in {@code X-Forwarded-For} that is not a trusted proxy. From any other peer
 * the header is ignored: a client could write anything there.
 */
public final class Origins {

    public static final String TRUSTED_PROXIES = "soglia.http.trusted-proxies";

    private Origins() {
    }

    public static RequestOrigin of(HttpServletRequest request) {
        return new RequestOrigin(clientAddress(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"),
                Trusted.PROXIES), request.getHeader("User-Agent"));
    }

    static String clientAddress(String peer, String forwardedFor, Set<String> trustedProxies) {
        if (forwardedFor == null || !trustedProxies.contains(peer)) {
            return peer;
        }
        List<String> hops = Arrays.stream(forwardedFor.split(",")).map(String::strip).filter(h -> !h.isEmpty())
                .toList();
        for (int i = hops.size() - 1; i >= 0; i--) {
            if (!trustedProxies.contains(hops.get(i))) {
                return hops.get(i);
            }
        }
        return peer;
    }

    /** Read once, at first use. */
    private static final class Trusted {
        static final Set<String> PROXIES = ConfigProvider.getConfig().getOptionalValue(TRUSTED_PROXIES, String.class)
                .map(list -> Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                        .collect(Collectors.toUnmodifiableSet()))
                .orElse(Set.of());
    }
}
