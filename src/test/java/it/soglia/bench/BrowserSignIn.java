package it.soglia.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One virtual user signing in as a browser does, from a client address of its own: GET the login page, post the
 * username and password, follow the redirect to the code prompt, post the authenticator's current code, follow the
 * redirect to the profile (or stop at that redirect, or sign in to an application: {@link SignInFlow}). Each sign-in
 * starts with no cookies, as a new browser session; the connection is kept alive between requests, as a browser
 * keeps it.
 */
final class BrowserSignIn {

    /** A sign-in that did not end on the signed-in user's profile, and at which step. */
    static final class Failure extends Exception {
        final SignInStep step;

        Failure(SignInStep step, String reason) {
            super(step.label + ": " + reason);
            this.step = step;
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** The servlet container's session cookie: Soglia gives it a new value when the code is accepted. */
    private static final String SESSION_COOKIE = "JSESSIONID";
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
    private static final String USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/131.0 Safari/537.36 SogliaBench";

    private final String baseUrl;
    private final String clientAddress;
    private final HttpClient client;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    BrowserSignIn(String baseUrl, String clientAddress) {
        this.baseUrl = baseUrl;
        this.clientAddress = clientAddress; // Soglia trusts 127.0.0.1 as a proxy here, so this is the client it sees
        // HTTP/1.1 as browsers speak plain http (the JDK's h2c upgrade once dead-locked Grizzly, see WebSession)
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /**
     * Signs {@code account} in as {@code flow} says ({@code application}: only for {@link SignInFlow#APPLICATION});
     * {@code nanos[step]} receives the time of each request.
     */
    void signIn(SignInFlow flow, EnrolledAccounts accounts, EnrolledAccounts.Enrolled account,
                Application application, long[] nanos) throws Failure, InterruptedException {
        switch (flow) {
            case PROFILE -> signIn(accounts, account, nanos);
            case REDIRECT -> signInUntilRedirect(accounts, account, nanos);
            case APPLICATION -> signInToApplication(accounts, account, application, nanos);
        }
    }

    /** The profile flow: up to the profile page, which must show the signed-in user. */
    void signIn(EnrolledAccounts accounts, EnrolledAccounts.Enrolled account, long[] nanos)
            throws Failure, InterruptedException {
        cookies.clear();
        URI profileUri = passwordAndCode(accounts, account, URI.create(baseUrl + "/login"), "/profile", nanos);

        HttpResponse<String> profile = timed(SignInStep.PROFILE, nanos, get(profileUri));
        expectStatus(SignInStep.PROFILE, profile, 200);
        if (!profile.body().contains(">" + account.username + "</dd>")) {
            throw new Failure(SignInStep.PROFILE, "the profile does not show the signed-in user");
        }
    }

    /**
     * Up to the code's redirect to the profile, which is not followed: what Keycloak's benchmark counts as a sign-in.
     * That the session is signed in shows only in the redirect and the new session id, both checked.
     */
    private void signInUntilRedirect(EnrolledAccounts accounts, EnrolledAccounts.Enrolled account, long[] nanos)
            throws Failure, InterruptedException {
        cookies.clear();
        passwordAndCode(accounts, account, URI.create(baseUrl + "/login"), "/profile", nanos);
    }

    /**
     * The login page, the password, the code page and the code, as every flow sends them; answers where the code's
     * redirect leads ({@code next}: the profile, or back to the authorization endpoint), after checking that the
     * accepted code gave the session a new id (what a signed-in session has, and a refused code does not).
     */
    private URI passwordAndCode(EnrolledAccounts accounts, EnrolledAccounts.Enrolled account, URI loginUri,
                                String next, long[] nanos) throws Failure, InterruptedException {
        HttpResponse<String> login = timed(SignInStep.LOGIN_PAGE, nanos, get(loginUri));
        expectStatus(SignInStep.LOGIN_PAGE, login, 200);
        FacesForm loginForm = formOf(SignInStep.LOGIN_PAGE, login, "login");

        HttpResponse<String> password = timed(SignInStep.PASSWORD, nanos, post(loginForm, loginForm.filled(
                Map.of("login:username", account.username, "login:password", EnrolledAccounts.PASSWORD),
                "login:submit")));
        URI codeUri = redirectTo(SignInStep.PASSWORD, password, "/code");

        HttpResponse<String> codePage = timed(SignInStep.CODE_PAGE, nanos, get(codeUri));
        expectStatus(SignInStep.CODE_PAGE, codePage, 200);
        FacesForm codeForm = formOf(SignInStep.CODE_PAGE, codePage, "code");

        String code = accounts.codeNow(account); // as late as a user reads the app
        String sessionBefore = cookies.get(SESSION_COOKIE);
        HttpResponse<String> accepted = timed(SignInStep.CODE, nanos,
                post(codeForm, codeForm.filled(Map.of("code:code", code), "code:submit")));
        URI target = redirectTo(SignInStep.CODE, accepted, next);
        if (sessionBefore == null || sessionBefore.equals(cookies.get(SESSION_COOKIE))) {
            throw new Failure(SignInStep.CODE, "the session id did not change when the code was accepted");
        }
        return target;
    }

    /** An application registered with Soglia's OpenID Connect provider, as its own server knows it. */
    record Application(String clientId, String secret, String redirectUri) {
    }

    /**
     * Signs {@code account} in to {@code application} through the provider, as a browser and the application's
     * server do: GET /authorize (not signed in: on to the login page), the login page, the password, the code page,
     * the code, back at /authorize (on to the redirect URI with a code; the application's page itself is not
     * fetched), then the application's POST /token with its secret. PKCE S256 and a nonce, as a careful client sends.
     */
    private void signInToApplication(EnrolledAccounts accounts, EnrolledAccounts.Enrolled account,
                                     Application application, long[] nanos) throws Failure, InterruptedException {
        cookies.clear();
        String verifier = randomUrlSafe(32);
        String state = randomUrlSafe(16);
        URI authorize = URI.create(baseUrl + "/authorize?response_type=code&scope=openid%20profile%20email"
                + "&client_id=" + encode(application.clientId()) + "&redirect_uri=" + encode(application.redirectUri())
                + "&state=" + state + "&nonce=" + randomUrlSafe(16) + "&code_challenge=" + s256(verifier)
                + "&code_challenge_method=S256");
        URI loginUri = redirectTo(SignInStep.AUTHORIZE, timed(SignInStep.AUTHORIZE, nanos, get(authorize)), "/login");
        URI back = passwordAndCode(accounts, account, loginUri, "/authorize", nanos);

        HttpResponse<String> returned = timed(SignInStep.RETURN, nanos, get(back));
        String location = returned.headers().firstValue("Location").orElse("");
        if (returned.statusCode() / 100 != 3 || !location.startsWith(application.redirectUri() + "?code=")) {
            throw new Failure(SignInStep.RETURN, "not sent back with a code but " + returned.statusCode() + " "
                    + location);
        }
        String authorizationCode = java.net.URLDecoder.decode(
                location.substring(location.indexOf("code=") + 5).split("&", 2)[0], StandardCharsets.UTF_8);
        String form = "grant_type=authorization_code&code=" + encode(authorizationCode) + "&redirect_uri="
                + encode(application.redirectUri()) + "&code_verifier=" + verifier;
        HttpResponse<String> tokens = timed(SignInStep.TOKEN, nanos, HttpRequest.newBuilder(
                URI.create(baseUrl + "/token")).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((encode(application.clientId())
                        + ":" + encode(application.secret())).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        expectStatus(SignInStep.TOKEN, tokens, 200);
        if (!tokens.body().contains("\"id_token\"")) {
            throw new Failure(SignInStep.TOKEN, "no ID token in " + tokens.body());
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String randomUrlSafe(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.security.MessageDigest
                    .getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest get(URI uri) {
        return request(uri).GET().build();
    }

    private HttpRequest post(FacesForm form, Map<String, String> data) {
        String body = data.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return request(form.action()).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                .header("Accept-Language", "it-IT,it;q=0.9").header("User-Agent", USER_AGENT)
                .header("X-Forwarded-For", clientAddress);
        if (!cookies.isEmpty()) {
            builder.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        return builder;
    }

    private HttpResponse<String> timed(SignInStep step, long[] nanos, HttpRequest request)
            throws Failure, InterruptedException {
        long start = System.nanoTime();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new Failure(step, e.getClass().getSimpleName() + " " + e.getMessage());
        }
        nanos[step.ordinal()] = System.nanoTime() - start;
        for (String setCookie : response.headers().allValues("Set-Cookie")) {
            String pair = setCookie.split(";", 2)[0];
            int equals = pair.indexOf('=');
            if (equals > 0) {
                cookies.put(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
            }
        }
        return response;
    }

    private static void expectStatus(SignInStep step, HttpResponse<String> response, int status) throws Failure {
        if (response.statusCode() != status) {
            throw new Failure(step, "status " + response.statusCode());
        }
    }

    private static FacesForm formOf(SignInStep step, HttpResponse<String> response, String formId) throws Failure {
        FacesForm form = FacesForm.of(response.body(), response.uri(), formId);
        if (form == null) {
            throw new Failure(step, "no form #" + formId);
        }
        return form;
    }

    /** The redirect a successful step answers with; a page instead means the step was refused (its message). */
    private static URI redirectTo(SignInStep step, HttpResponse<String> response, String path) throws Failure {
        var location = response.headers().firstValue("Location");
        if (response.statusCode() / 100 != 3 || location.isEmpty()) {
            throw new Failure(step, "no redirect but status " + response.statusCode() + messageOf(response.body()));
        }
        URI target = response.uri().resolve(location.get());
        if (!target.getPath().endsWith(path)) {
            throw new Failure(step, "redirected to " + target.getPath());
        }
        return target;
    }

    /** The page's message to the user (wrong password, code refused ...), to tell failures apart. */
    private static String messageOf(String html) {
        int at = html.indexOf("ui-messages-error-summary");
        if (at < 0) {
            return "";
        }
        int start = html.indexOf('>', at) + 1;
        int end = html.indexOf('<', start);
        return start > 0 && end > start ? ": " + html.substring(start, end).strip() : "";
    }
}
