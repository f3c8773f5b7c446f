package it.soglia.testing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Applications (OpenID Connect clients) for tests, written straight into the test database as an admin's
 * registration would leave them: the secret stored only as its SHA-256. The admin screen has its own browser test.
 */
public final class TestClients {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    /** A registered client as the application knows it: its id, its secret and its addresses. */
    public record TestClient(long id, String clientId, String secret, List<String> redirectUris,
                             List<String> postLogoutUris) {
        public String redirectUri() {
            return redirectUris.get(0);
        }
    }

    private final TestDatabase database;

    public TestClients(TestDatabase database) {
        this.database = database;
    }

    /** An enabled client {@code <name>.<n>} for every role, with these redirect and post-logout URIs. */
    public TestClient register(String name, List<String> redirectUris, List<String> postLogoutUris) {
        return register(name, redirectUris, postLogoutUris, "");
    }

    /** As above, limited to {@code allowedRoles} ("ADMIN", "USER", comma-separated; empty: everyone). */
    public TestClient register(String name, List<String> redirectUris, List<String> postLogoutUris,
                               String allowedRoles) {
        String clientId = name + "." + COUNTER.incrementAndGet();
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant now = Instant.now();
        try (Connection c = database.connect()) {
            long id = database.nextId(c, "oidc_client_seq");
            try (PreparedStatement insert = c.prepareStatement("insert into oidc_client (id, client_id, name,"
                    + " secret_hash, redirect_uris, post_logout_uris, allowed_roles, enabled, created_at,"
                    + " secret_changed_at) values (?, ?, ?, ?, ?, ?, ?, true, ?, ?)")) {
                insert.setLong(1, id);
                insert.setString(2, clientId);
                insert.setString(3, "Test application " + name);
                insert.setString(4, sha256(secret));
                insert.setString(5, String.join("\n", redirectUris));
                insert.setString(6, String.join("\n", postLogoutUris));
                insert.setString(7, allowedRoles);
                insert.setTimestamp(8, Timestamp.from(now));
                insert.setTimestamp(9, Timestamp.from(now));
                insert.executeUpdate();
            }
            return new TestClient(id, clientId, secret, List.copyOf(redirectUris), List.copyOf(postLogoutUris));
        } catch (SQLException e) {
            throw new IllegalStateException("could not register test client " + clientId, e);
        }
    }

    public void setEnabled(TestClient client, boolean enabled) {
        try (Connection c = database.connect();
             PreparedStatement update = c.prepareStatement("update oidc_client set enabled = ? where id = ?")) {
            update.setBoolean(1, enabled);
            update.setLong(2, client.id());
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not change test client " + client.clientId(), e);
        }
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
