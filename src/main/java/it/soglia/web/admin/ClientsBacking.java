package it.soglia.web.admin;

import it.soglia.account.Role;
import it.soglia.audit.RequestOrigin;
import it.soglia.oidc.ClientDraft;
import it.soglia.oidc.ClientRegistry;
import it.soglia.oidc.Endpoints;
import it.soglia.oidc.OidcClient;
import it.soglia.oidc.ProviderSettings;
import it.soglia.security.Origins;
import it.soglia.web.Messages;
import it.soglia.web.Navigation;
import it.soglia.web.StepUpBacking;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.util.List;

/**
 * {@code /admin/clients}: the applications that sign their users in through Soglia. An admin registers one, changes
 * its name, addresses and roles, makes it a new secret, disables or enables it. A secret is shown in the answer that
 * made it only: this page view holds it, a reload shows the page without it.
 */
@Named
@ViewScoped
public class ClientsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ClientRegistry registry;

    @Inject
    ProviderSettings provider;

    @Inject
    SecurityContext securityContext;

    @Inject
    StepUpBacking stepUp;

    private transient List<OidcClient> clients; // read again in each request that shows them

    private ClientForm create = new ClientForm();
    private ClientForm edit = new ClientForm();
    /** The application the open confirmation (new secret, disable or enable) is about. */
    private String selectedClientId;
    private String selectedName;
    private boolean selectedEnabled;

    private String shownClientId;
    private String shownName;
    /** Never written into the replicated session: only this node's memory holds it, for this page view. */
    private transient String shownSecret;

    public List<OidcClient> getClients() {
        if (clients == null) {
            clients = registry.all();
        }
        return clients;
    }

    /** Registers the application of the dialog; on a refusal the dialog stays open with every problem and the typed values. */
    public void register() {
        if (!allowed()) {
            failValidation();
            return;
        }
        ClientRegistry.Registration registration = registry.register(create.draft(), admin(), origin());
        if (!registration.isDone()) {
            showProblems(registration.problems());
            return;
        }
        OidcClient client = registration.client();
        Messages.info("admin.clients.create.done", client.getName());
        show(client, registration.secret());
        create = new ClientForm();
        clients = null;
    }

    /** Opens the edit dialog filled with the application as it is now. */
    public void startEdit(String clientId) {
        registry.byClientId(clientId).ifPresent(client -> edit = ClientForm.of(client));
    }

    public void saveEdit() {
        if (!allowed()) {
            failValidation();
            return;
        }
        List<ClientDraft.Problem> problems = registry.update(edit.getClientId(), edit.draft(), admin(), origin());
        if (!problems.isEmpty()) {
            showProblems(problems);
            return;
        }
        done("admin.clients.edit.done", edit.getName());
    }

    /** Says which application the confirmation dialog (new secret, disable, enable) is about. */
    public void select(String clientId) {
        registry.byClientId(clientId).ifPresent(client -> {
            selectedClientId = client.getClientId();
            selectedName = client.getName();
            selectedEnabled = client.isEnabled();
        });
    }

    /** A new secret, shown like a registration's; the old one stops working at once. */
    public void newSecret() {
        if (!allowed() || selectedClientId == null) {
            return;
        }
        String secret = registry.newSecret(selectedClientId, admin(), origin());
        Messages.info("admin.clients.secret.done", selectedName);
        registry.byClientId(selectedClientId).ifPresent(client -> show(client, secret));
        clients = null;
    }

    public void toggleEnabled() {
        if (!allowed() || selectedClientId == null) {
            return;
        }
        registry.setEnabled(selectedClientId, !selectedEnabled, admin(), origin());
        done(selectedEnabled ? "admin.clients.disable.done" : "admin.clients.enable.done", selectedName);
    }

    /** "Tutti" when no role is listed, else the roles allowed in the admin's language. */
    public String roles(OidcClient client) {
        if (client.getAllowedRoles().isEmpty()) {
            return Messages.text("admin.clients.roles.everyone");
        }
        return client.getAllowedRoles().stream().map(role -> Messages.text("role." + role.name()))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    public List<String> getRoleNames() {
        return java.util.Arrays.stream(Role.values()).map(Role::name).toList();
    }

    /** The issuer an application is configured with; its discovery document says the rest. */
    public String getIssuer() {
        return provider.issuer();
    }

    public String getDiscoveryUrl() {
        return provider.endpoint(Endpoints.DISCOVERY);
    }

    private void show(OidcClient client, String secret) {
        shownClientId = client.getClientId();
        shownName = client.getName();
        shownSecret = secret;
    }

    private static void showProblems(List<ClientDraft.Problem> problems) {
        problems.forEach(problem -> Messages.error(problem.key(), problem.value()));
        failValidation();
    }

    private boolean allowed() {
        if (!stepUp.isFresh()) {
            Messages.error("admin.step-up.needed");
            return false;
        }
        return true;
    }

    /** Says what was done and shows the page afresh by a GET (post-redirect-get). */
    private static void done(String messageKey, String name) {
        Messages.info(messageKey, name);
        Messages.keepAcrossRedirect();
        Navigation.redirect("/admin/clients");
    }

    private static void failValidation() {
        FacesContext.getCurrentInstance().validationFailed(); // keeps the dialog open
    }

    private String admin() {
        return securityContext.getCallerPrincipal().getName();
    }

    private static RequestOrigin origin() {
        return Origins.of((HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest());
    }

    public ClientForm getCreate() {
        return create;
    }

    public ClientForm getEdit() {
        return edit;
    }

    public String getSelectedName() {
        return selectedName;
    }

    public boolean isSelectedEnabled() {
        return selectedEnabled;
    }

    public String getShownClientId() {
        return shownClientId;
    }

    public String getShownName() {
        return shownName;
    }

    public String getShownSecret() {
        return shownSecret;
    }
}
