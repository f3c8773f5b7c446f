package it.soglia.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What one measured sign-in covers ({@code soglia.bench.flow}, a comma list): each is measured as a level of its own
 * at each concurrency, so flows are compared on the same machine minutes apart.
 */
enum SignInFlow {
    /** Soglia's own sign-in to its end: the login page, password, code page, code, and the profile page rendered. */
    PROFILE,
    /**
     * The profile flow without {@code GET /profile}: it ends at the code's 302 to the profile, as Keycloak's benchmark
     * driver stops at the redirect after its last form; so the two can be compared request for request.
     */
    REDIRECT,
    /** An application's sign-in through the OpenID Connect provider, up to the application's token request. */
    APPLICATION;

    /** As written in {@code soglia.bench.flow} and printed in the report. */
    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code profile,redirect} and the like, in the order given; an unknown name stops the run, naming the choices. */
    static List<SignInFlow> parse(String commaList) {
        return Arrays.stream(commaList.split(",")).map(String::strip).filter(name -> !name.isEmpty())
                .map(SignInFlow::named).distinct().toList();
    }

    private static SignInFlow named(String name) {
        return Arrays.stream(values()).filter(flow -> flow.label().equals(name.toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("soglia.bench.flow: unknown flow " + name
                        + "; the flows are " + Arrays.stream(values()).map(SignInFlow::label).toList()));
    }
}
