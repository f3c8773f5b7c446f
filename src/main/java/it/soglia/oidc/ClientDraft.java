package it.soglia.oidc;

import it.soglia.account.Role;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an admin types to register an application, or to change one. {@link #problems()} says what is wrong with it;
 * nothing is saved while it says anything.
 */
public record ClientDraft(String name, String clientId, List<String> redirectUris, List<String> postLogoutRedirectUris,
                          Set<Role> allowedRoles) {

    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{2,99}");
    private static final int MAX_URIS = 10;
    private static final int MAX_URI_LENGTH = 1000;

    /** One problem: a message key of the bundles ({@code clients.problem.*}) and the value it is about. */
    public record Problem(String key, String value) {
    }

    public ClientDraft {
        name = name == null ? "" : name.strip();
        clientId = clientId == null ? "" : clientId.strip();
        redirectUris = List.copyOf(redirectUris);
        postLogoutRedirectUris = List.copyOf(postLogoutRedirectUris);
        allowedRoles = Set.copyOf(allowedRoles);
    }

    /** The URIs of a text area: one per line, blank lines and surrounding blanks ignored. */
    public static List<String> linesOf(String text) {
        if (text == null) {
            return List.of();
        }
        return text.lines().map(String::strip).filter(line -> !line.isEmpty()).distinct().toList();
    }

    public List<Problem> problems() {
        List<Problem> problems = new ArrayList<>();
        if (name.isEmpty() || name.length() > 200) {
            problems.add(new Problem("clients.problem.name", name));
        }
        if (!CLIENT_ID.matcher(clientId).matches()) {
            problems.add(new Problem("clients.problem.client-id", clientId));
        }
        if (redirectUris.isEmpty()) {
            problems.add(new Problem("clients.problem.no-redirect", ""));
        }
        checkUris(redirectUris, problems);
        checkUris(postLogoutRedirectUris, problems);
        return problems;
    }

    private static void checkUris(List<String> uris, List<Problem> problems) {
        if (uris.size() > MAX_URIS) {
            problems.add(new Problem("clients.problem.too-many", String.valueOf(MAX_URIS)));
        }
        for (String uri : uris) {
            problemOf(uri).ifPresent(key -> problems.add(new Problem(key, uri)));
        }
    }

    /**
     * An address the browser is sent to with a code: absolute, no fragment, no wildcard; https, or http only to this
     * machine (a code sent in clear over the network could be read and redeemed by whoever sees it).
     */
    static java.util.Optional<String> problemOf(String text) {
        if (text.length() > MAX_URI_LENGTH || text.contains("*")) {
            return java.util.Optional.of("clients.problem.uri");
        }
        try {
            URI uri = new URI(text);
            if (!uri.isAbsolute() || uri.getHost() == null || uri.getRawFragment() != null) {
                return java.util.Optional.of("clients.problem.uri");
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            if (scheme.equals("https")) {
                return java.util.Optional.empty();
            }
            if (scheme.equals("http")) {
                return isLoopback(uri.getHost()) ? java.util.Optional.empty()
                        : java.util.Optional.of("clients.problem.http");
            }
            return java.util.Optional.of("clients.problem.uri");
        } catch (URISyntaxException e) {
            return java.util.Optional.of("clients.problem.uri");
        }
    }

    private static boolean isLoopback(String host) {
        return host.equalsIgnoreCase("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
    }
}
