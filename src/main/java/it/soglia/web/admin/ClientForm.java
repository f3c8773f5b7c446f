package it.soglia.web.admin;

import it.soglia.account.Role;
import it.soglia.oidc.ClientDraft;
import it.soglia.oidc.OidcClient;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The fields of the register and edit dialogs of {@code /admin/clients}, as typed: addresses one per line, roles as
 * the checkboxes' names. Kept as typed when the registry refuses them, so the admin corrects instead of retyping.
 */
public class ClientForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private String name;
    private String clientId;
    private String redirectUris;
    private String postLogoutUris;
    private List<String> roles = new ArrayList<>();

    /** The form filled with an application as registered, to edit it. */
    static ClientForm of(OidcClient client) {
        ClientForm form = new ClientForm();
        form.name = client.getName();
        form.clientId = client.getClientId();
        form.redirectUris = String.join("\n", client.getRedirectUris());
        form.postLogoutUris = String.join("\n", client.getPostLogoutRedirectUris());
        client.getAllowedRoles().forEach(role -> form.roles.add(role.name()));
        return form;
    }

    ClientDraft draft() {
        Set<Role> allowed = EnumSet.noneOf(Role.class);
        for (Role role : Role.values()) {
            if (roles != null && roles.contains(role.name())) {
                allowed.add(role); // only known names: a forged value is ignored, not an error page
            }
        }
        return new ClientDraft(name, clientId, ClientDraft.linesOf(redirectUris), ClientDraft.linesOf(postLogoutUris),
                allowed);
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getRedirectUris() {
        return redirectUris;
    }

    public void setRedirectUris(String redirectUris) {
        this.redirectUris = redirectUris;
    }

    public String getPostLogoutUris() {
        return postLogoutUris;
    }

    public void setPostLogoutUris(String postLogoutUris) {
        this.postLogoutUris = postLogoutUris;
    }

    public List<String> getRoles() {
        return roles;
    }

    public void setRoles(List<String> roles) {
        this.roles = roles == null ? new ArrayList<>() : new ArrayList<>(roles);
    }
}
