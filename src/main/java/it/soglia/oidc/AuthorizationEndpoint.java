package it.soglia.oidc;

import it.soglia.account.Account;
import it.soglia.account.AccountService;
import it.soglia.audit.AuditLog;
import it.soglia.audit.AuditType;
import it.soglia.security.Origins;
import it.soglia.security.Pages;
import it.soglia.security.SignedInSession;
import it.soglia.crypto.SecretCipher;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /authorize}: an application sends its user here. A wrong client or redirect URI is said on a page of
 * Soglia's (the browser is never sent to an address nobody registered); anything else wrong goes back to the
 * application as an OAuth error. A user signed in recently enough goes straight back with a code (single sign-on);
 * anyone else signs in first ({@code /login?resume=…}) and comes back here, where everything is checked again.
 */
@WebServlet(urlPatterns = Endpoints.AUTHORIZE)
public class AuthorizationEndpoint extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    ClientRegistry clients;

    @Inject
    AuthorizationCodes codes;

    @Inject
    AccountService accounts;

    @Inject
    SignedInSession signedIn;

    @Inject
    SecretCipher cipher;

    @Inject
    ProviderSettings settings;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        authorize(request, response);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        authorize(request, response);
    }

    private void authorize(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        Instant now = clock.instant();
        String resume = request.getParameter("resume");
        Optional<PendingAuthorization> pending = resume == null
                ? singleValued(request).map(parameters -> new PendingAuthorization(parameters, now))
                : PendingAuthorization.decode(resume, cipher, now, settings.signInWait());
        if (pending.isEmpty()) {
            ApplicationErrorPage.show(request, response, resume == null ? ApplicationErrorPage.Problem.MALFORMED
                    : ApplicationErrorPage.Problem.EXPIRED);
            return;
        }
        AuthorizationRequest authorization = new AuthorizationRequest(pending.get().parameters());
        Optional<OidcClient> client = clients.byClientId(authorization.clientId());
        if (client.isEmpty()) {
            ApplicationErrorPage.show(request, response, ApplicationErrorPage.Problem.UNKNOWN_CLIENT);
            return;
        }
        if (!client.get().hasRedirectUri(authorization.redirectUri())) {
            ApplicationErrorPage.show(request, response, ApplicationErrorPage.Problem.WRONG_REDIRECT_URI);
            return;
        }
        if (!client.get().isEnabled()) {
            ApplicationErrorPage.show(request, response, ApplicationErrorPage.Problem.DISABLED_CLIENT);
            return;
        }
        Optional<AuthorizationRequest.Problem> problem = authorization.problem();
        if (problem.isPresent()) {
            redirectWithError(response, authorization, problem.get());
            return;
        }
        if (needsSignIn(request, authorization, pending.get(), now)) {
            if (authorization.prompt().contains("none")) {
                redirectWithError(response, authorization,
                        new AuthorizationRequest.Problem("login_required", "the user must sign in"));
                return;
            }
            endSignIn(request); // prompt=login or max_age: the password and code again, not a session's word
            response.sendRedirect(request.getContextPath() + Pages.LOGIN + "?resume="
                    + URLEncoder.encode(pending.get().encode(cipher), StandardCharsets.UTF_8));
            return;
        }
        Account account = accounts.find(signedIn.accountId()).orElse(null);
        if (account == null || !account.isEnabled() || !client.get().admits(account.getRole())) {
            audit.record(AuditType.APPLICATION_ACCESS_DENIED, account == null ? null : account.getUsername(),
                    client.get().getClientId(), Origins.of(request), "role not allowed");
            redirectWithError(response, authorization,
                    new AuthorizationRequest.Problem("access_denied", "this user may not use this application"));
            return;
        }
        String code = codes.issue(client.get(), new AuthorizationGrant(account.getId(), authorization.redirectUri(),
                authorization.scope(), authorization.nonce(), authorization.codeChallenge(), signedIn.since(),
                signedIn.signedInAt()));
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("code", code);
        redirect(response, authorization, answer);
    }

    /**
     * Whether the user must type password and code now: not signed in, or {@code prompt=login} / {@code max_age}
     * ask for a sign-in newer than the one this session has. A sign-in completed after the request arrived
     * satisfies both (the user just signed in for it).
     */
    private boolean needsSignIn(HttpServletRequest request, AuthorizationRequest authorization,
                                PendingAuthorization pending, Instant now) {
        HttpSession session = request.getSession(false); // no session is made for someone not signed in
        if (session == null || request.getUserPrincipal() == null || signedIn.since() == null) {
            return true;
        }
        Instant since = signedIn.since();
        boolean signedInForThisRequest = !since.isBefore(pending.receivedAt().minusSeconds(1));
        if (authorization.prompt().contains("login") && !signedInForThisRequest) {
            return true;
        }
        return authorization.maxAge().map(seconds -> since.plusSeconds(seconds).isBefore(now)).orElse(false)
                && !signedInForThisRequest;
    }

    private static void endSignIn(HttpServletRequest request) throws ServletException {
        HttpSession session = request.getSession(false);
        if (session != null && request.getUserPrincipal() != null) {
            request.logout();
            session.invalidate();
        }
    }

    /** The request's parameters, each once; empty when one is repeated (RFC 6749 §3.1 forbids it). */
    private static Optional<Map<String, String>> singleValued(HttpServletRequest request) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (Map.Entry<String, String[]> entry : request.getParameterMap().entrySet()) {
            if (entry.getValue().length != 1) {
                return Optional.empty();
            }
            parameters.put(entry.getKey(), entry.getValue()[0]);
        }
        return Optional.of(parameters);
    }

    private void redirectWithError(HttpServletResponse response, AuthorizationRequest authorization,
                                   AuthorizationRequest.Problem problem) throws IOException {
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("error", problem.error());
        answer.put("error_description", problem.description());
        redirect(response, authorization, answer);
    }

    /** To the registered redirect URI, with {@code state} and the issuer ({@code iss}, RFC 9207) added. */
    private void redirect(HttpServletResponse response, AuthorizationRequest authorization, Map<String, String> answer)
            throws IOException {
        if (authorization.state() != null) {
            answer.put("state", authorization.state());
        }
        answer.put("iss", settings.issuer());
        StringBuilder location = new StringBuilder(authorization.redirectUri());
        char separator = authorization.redirectUri().contains("?") ? '&' : '?';
        for (Map.Entry<String, String> entry : answer.entrySet()) {
            location.append(separator).append(entry.getKey()).append('=')
                    .append(URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8));
            separator = '&';
        }
        response.setHeader("Referrer-Policy", "no-referrer"); // the code must not leak to the next page's links
        response.sendRedirect(location.toString());
    }
}
