package it.soglia.oidc;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code /jwks}: the public signing keys (never a private part: they are written from the public JWKs alone). */
@WebServlet(urlPatterns = Endpoints.JWKS)
public class JwksEndpoint extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    SigningKeys keys;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        keys.active(); // the first key is made before it is published, not at the first token
        JsonAnswers.send(response, HttpServletResponse.SC_OK, keys.publishedSet().toString(true));
    }
}
