package it.soglia.oidc;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** JSON answers of the provider's endpoints: never cached (they carry tokens or change with key rotation). */
final class JsonAnswers {

    private JsonAnswers() {
    }

    static void send(HttpServletResponse response, int status, String json) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Pragma", "no-cache");
        response.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
    }

    static void send(HttpServletResponse response, int status, JsonObject json) throws IOException {
        send(response, status, json.toString());
    }

    /** An OAuth error (RFC 6749 §5.2). */
    static void error(HttpServletResponse response, int status, String error, String description) throws IOException {
        send(response, status, Json.createObjectBuilder().add("error", error)
                .add("error_description", description).build());
    }
}
