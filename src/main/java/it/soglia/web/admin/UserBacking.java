package it.soglia.web.admin;

import it.soglia.account.Account;
import it.soglia.account.AccountAdministration;
import it.soglia.account.AccountService;
import it.soglia.security.Origins;
import it.soglia.throttle.ThrottleRule;
import it.soglia.throttle.Throttling;
import it.soglia.twofactor.TwoFactorService;
import it.soglia.web.Messages;
import it.soglia.web.Navigation;
import it.soglia.web.StepUpBacking;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;

/**
 * {@code /admin/user?username=…}: one user's profile as an admin sees it, with "Resetta autenticazione a due
 * fattori", unlock and disable. Every action needs a fresh sign-in (or a step-up) and is audited with the admin.
 */
@Named
@ViewScoped
public class UserBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int MAX_REASON = 300;

    @Inject
    AccountService accounts;

    @Inject
    AccountAdministration administration;

    @Inject
    TwoFactorService twoFactor;

    @Inject
    SecurityContext securityContext;

    @Inject
    StepUpBacking stepUp;

    @Inject
    Throttling throttling;

    @Inject
    java.time.Clock clock;

    private String username;
    private Account account;
    private String reason;
    private String editName;
    private String editEmail;
    private it.soglia.account.Role editRole;

    /** View action: the account named in the URL; when there is none, the page says so with status 404. */
    public void load() {
        account = accounts.findByUsername(username).orElse(null);
        if (account == null) {
            FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(404);
            return;
        }
        editName = account.getDisplayName();
        editEmail = account.getEmail();
        editRole = account.getRole();
    }

    /** Saves name, email and role; bad input gets a message and changes nothing. */
    public void save() {
        if (!allowed()) {
            return;
        }
        String name = editName == null ? "" : editName.strip();
        String email = editEmail == null || editEmail.isBlank() ? null : editEmail.strip();
        var nameRefusal = AccountInput.nameRefusal(name);
        if (nameRefusal.isPresent()) {
            Messages.error(nameRefusal.get(), AccountInput.MAX_NAME);
            return;
        }
        if (email != null && !AccountInput.isEmail(email)) {
            Messages.error("admin.users.create.email-invalid");
            return;
        }
        var refusal = administration.update(account.getId(), name, email, editRole, admin(), Origins.of(request()));
        if (refusal.isPresent()) {
            Messages.error("admin.user.save." + refusal.get());
            return;
        }
        done("admin.user.save.done");
    }

    public void resetTwoFactor() {
        if (!allowed()) {
            return;
        }
        if (!account.isTwoFactorActive()) {
            Messages.warn("admin.user.reset.not-enrolled", account.getUsername());
            return; // nothing to reset, and no confusing mail to the user
        }
        String why = reason == null ? null : reason.strip();
        if (why != null && why.length() > MAX_REASON) {
            Messages.error("admin.user.reason.too-long", MAX_REASON);
            return;
        }
        twoFactor.resetByAdmin(account.getId(), admin(), why, Origins.of(request()));
        reason = null;
        done("admin.user.reset.done");
    }

    public void unlock() {
        if (allowed()) {
            administration.unlockCodeStep(account.getId(), admin(), Origins.of(request()));
            done("admin.user.unlock.done");
        }
    }

    public void toggleEnabled() {
        if (!allowed()) {
            return;
        }
        var refusal = administration.setEnabled(account.getId(), !account.isEnabled(), admin(), Origins.of(request()));
        if (refusal.isPresent()) {
            Messages.error(refusal.get() == AccountAdministration.ChangeRefusal.LAST_ADMIN
                    ? "admin.user.disable.last-admin" : "admin.user.disable.self");
            return;
        }
        done(account.isEnabled() ? "admin.user.disable.done" : "admin.user.enable.done"); // as it was before the change
    }

    public boolean isSelf() {
        return account.getUsername().equalsIgnoreCase(admin());
    }

    /** The code step is locked (too many wrong codes), or the password step (too many wrong passwords in a row). */
    public boolean isLocked() {
        return isCodeLocked() || isPasswordLocked();
    }

    public boolean isCodeLocked() {
        return account.isCodeLockedAt(clock.instant());
    }

    public boolean isPasswordLocked() {
        return throttling.blocked(ThrottleRule.PASSWORD_BY_USERNAME, Account.keyOf(account.getUsername()))
                .filter(Throttling.Block::locked).isPresent();
    }

    private boolean allowed() {
        if (!stepUp.isFresh()) {
            Messages.error("admin.step-up.needed");
            return false;
        }
        return true;
    }

    /**
     * Says what was done and shows the page afresh by a GET (post-redirect-get): reloading the page then shows the
     * account again instead of sending the action once more.
     */
    private void done(String messageKey) {
        Messages.info(messageKey, account.getUsername());
        Messages.keepAcrossRedirect();
        Navigation.redirect("/admin/user?username="
                + java.net.URLEncoder.encode(account.getUsername(), java.nio.charset.StandardCharsets.UTF_8));
    }

    private String admin() {
        return securityContext.getCallerPrincipal().getName();
    }

    private static HttpServletRequest request() {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        return (HttpServletRequest) external.getRequest();
    }

    public Account getAccount() {
        return account;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getEditName() {
        return editName;
    }

    public void setEditName(String editName) {
        this.editName = editName;
    }

    public String getEditEmail() {
        return editEmail;
    }

    public void setEditEmail(String editEmail) {
        this.editEmail = editEmail;
    }

    public it.soglia.account.Role getEditRole() {
        return editRole;
    }

    public void setEditRole(it.soglia.account.Role editRole) {
        this.editRole = editRole;
    }

    public it.soglia.account.Role[] getRoles() {
        return it.soglia.account.Role.values();
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
