package it.soglia.oidc;

import it.soglia.account.Account;
import it.soglia.account.AccountService;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /userinfo}: the user's claims for a valid access token (in the Authorization header). The token is honoured
 * only while the sign-in behind it stands: a reset, a new password, a new role or a disabled account ends it here too.
 */
@WebServlet(urlPatterns = Endpoints.USERINFO)
public class UserInfoEndpoint extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    Tokens tokens;

    @Inject
    AccountService accounts;

    @Inject
    ClientRegistry clients;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        answer(request, response);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        answer(request, response);
    }

    private void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String header = request.getHeader("Authorization");
        Optional<Tokens.AccessClaims> claims = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? tokens.readAccessToken(header.substring(7).strip()) : Optional.empty();
        Optional<Account> account = claims.flatMap(c -> accounts.find(c.accountId()))
                .filter(a -> a.isEnabled() && a.acceptsSessionSignedInAt(claims.get().sessionValidFrom()))
                .filter(a -> clients.byClientId(claims.get().clientId())
                        .map(client -> client.isEnabled() && client.admits(a.getRole())).orElse(false));
        if (account.isEmpty()) {
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            JsonAnswers.error(response, HttpServletResponse.SC_UNAUTHORIZED, "invalid_token",
                    "the access token is not valid, has expired, or its sign-in has ended");
            return;
        }
        JsonObjectBuilder json = Json.createObjectBuilder().add("sub", Tokens.subjectOf(account.get()));
        for (Map.Entry<String, Object> claim : UserClaims.of(account.get(), claims.get().scope()).entrySet()) {
            if (claim.getValue() instanceof Collection<?> values) {
                JsonArrayBuilder array = Json.createArrayBuilder();
                values.forEach(v -> array.add(String.valueOf(v)));
                json.add(claim.getKey(), array);
            } else if (claim.getValue() instanceof Boolean flag) {
                json.add(claim.getKey(), flag);
            } else {
                json.add(claim.getKey(), String.valueOf(claim.getValue()));
            }
        }
        JsonAnswers.send(response, HttpServletResponse.SC_OK, json.build());
    }
}
