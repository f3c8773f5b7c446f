package it.soglia.oidc;

import it.soglia.account.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** An application registered to sign its users in through Soglia. Its secret is kept only as a SHA-256. */
@Entity
@Table(name = "oidc_client")
@NamedQuery(name = OidcClient.BY_CLIENT_ID, query = "select c from OidcClient c where c.clientId = :clientId")
@NamedQuery(name = OidcClient.ALL, query = "select c from OidcClient c order by c.name, c.clientId")
public class OidcClient {

    static final String BY_CLIENT_ID = "OidcClient.byClientId";
    static final String ALL = "OidcClient.all";

    @Id
    @SequenceGenerator(name = "oidc_client_seq", sequenceName = "oidc_client_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "oidc_client_seq")
    private Long id;

    @Column(name = "client_id", nullable = false, length = 100)
    private String clientId;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(name = "secret_hash", nullable = false, length = 64)
    private String secretHash;

    @Column(name = "redirect_uris", nullable = false, length = 4000)
    private String redirectUris;

    @Column(name = "post_logout_uris", nullable = false, length = 4000)
    private String postLogoutUris;

    @Column(name = "allowed_roles", nullable = false, length = 100)
    private String allowedRoles;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "secret_changed_at", nullable = false)
    private Instant secretChangedAt;

    protected OidcClient() {
        // for JPA
    }

    OidcClient(ClientDraft draft, String secretHash, Instant now) {
        this.clientId = draft.clientId();
        this.secretHash = secretHash;
        this.enabled = true;
        this.createdAt = now;
        this.secretChangedAt = now;
        apply(draft);
    }

    final void apply(ClientDraft draft) {
        this.name = draft.name();
        this.redirectUris = String.join("\n", draft.redirectUris());
        this.postLogoutUris = String.join("\n", draft.postLogoutRedirectUris());
        this.allowedRoles = draft.allowedRoles().stream().map(Role::name).sorted().collect(Collectors.joining(","));
    }

    void changeSecret(String newHash, Instant now) {
        this.secretHash = newHash;
        this.secretChangedAt = now;
    }

    void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** Exact string comparison, as RFC 9700 asks: no prefix, no pattern, no normalisation. */
    public boolean hasRedirectUri(String uri) {
        return uri != null && getRedirectUris().contains(uri);
    }

    public boolean hasPostLogoutRedirectUri(String uri) {
        return uri != null && getPostLogoutRedirectUris().contains(uri);
    }

    /** Whether a user of this role may sign in to the application (no roles listed: everyone). */
    public boolean admits(Role role) {
        Set<Role> roles = getAllowedRoles();
        return roles.isEmpty() || roles.contains(role) || (role == Role.ADMIN && roles.contains(Role.USER));
    }

    String secretHash() {
        return secretHash;
    }

    public Long getId() {
        return id;
    }

    public String getClientId() {
        return clientId;
    }

    public String getName() {
        return name;
    }

    public List<String> getRedirectUris() {
        return lines(redirectUris);
    }

    public List<String> getPostLogoutRedirectUris() {
        return lines(postLogoutUris);
    }

    public Set<Role> getAllowedRoles() {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(allowedRoles.split(",")).filter(s -> !s.isBlank()).map(Role::valueOf).forEach(roles::add);
        return roles;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getSecretChangedAt() {
        return secretChangedAt;
    }

    private static List<String> lines(String text) {
        return text == null || text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }
}
