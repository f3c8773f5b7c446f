package it.soglia.web.admin;

import it.soglia.account.Account;
import it.soglia.account.AccountAdministration;
import it.soglia.account.AccountDirectory;
import it.soglia.account.AccountQuery;
import it.soglia.account.NewAccount;
import it.soglia.account.Role;
import it.soglia.account.TwoFactorState;
import it.soglia.security.Origins;

import it.soglia.web.Messages;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/** {@code /admin/users}: find users among many (lazy table, search and filters) and create new ones. */
@Named
@ViewScoped
public class UsersBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    private String createdUsername;
    private String createdPassword;
    static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{1,63}");

    @Inject
    AccountDirectory directory;

    @Inject
    AccountAdministration administration;

    @Inject
    SecurityContext securityContext;

    @Inject
    it.soglia.web.StepUpBacking stepUp;

    @Inject
    it.soglia.web.DisplayTime time;

    @Inject
    it.soglia.twofactor.TwoFactorService twoFactor;

    private final LazyDataModel<Account> users = new Users();
    private Role role;
    private TwoFactorState twoFactorState;
    private boolean lockedOnly;
    private Boolean enabled;
    private String searchText;

    private String newUsername;
    private String newDisplayName;
    private String newEmail;
    private Role newRole = Role.USER;

    public LazyDataModel<Account> getUsers() {
        return users;
    }

    /** Creates the account with a random initial password, shown once to the admin to hand over. */
    public void create() {
        if (!stepUp.isFresh()) {
            Messages.error("admin.step-up.needed");
            failValidation();
            return;
        }
        String email = newEmail == null || newEmail.isBlank() ? null : newEmail.strip();
        String name = newDisplayName == null ? "" : newDisplayName.strip();
        if (newUsername == null || !USERNAME.matcher(newUsername.strip()).matches()) {
            Messages.error("admin.users.create.username-invalid");
            failValidation();
            return;
        }
        var nameRefusal = AccountInput.nameRefusal(name);
        if (nameRefusal.isPresent()) {
            Messages.error(nameRefusal.get(), AccountInput.MAX_NAME);
            failValidation();
            return;
        }
        if (email != null && !AccountInput.isEmail(email)) {
            Messages.error("admin.users.create.email-invalid");
            failValidation();
            return;
        }
        String password = initialPassword();
        var created = administration.create(new NewAccount(newUsername.strip(), name, email, "it",
                newRole, password), securityContext.getCallerPrincipal().getName(), Origins.of(request()));
        if (created.isEmpty()) {
            Messages.error("admin.users.create.taken", newUsername.strip());
            failValidation();
            return;
        }
        Messages.info("admin.users.create.done", created.get().getUsername());
        createdUsername = created.get().getUsername(); // shown in monospace with a copy button until closed
        createdPassword = password;
        newUsername = newDisplayName = newEmail = null;
        newRole = Role.USER;
    }

    /** The user just created, for the box with their initial password; null before any. */
    public String getCreatedUsername() {
        return createdUsername;
    }

    /** The initial password of the user just created: on this page only, never stored in clear. */
    public String getCreatedPassword() {
        return createdPassword;
    }

    private static String initialPassword() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void failValidation() {
        FacesContext.getCurrentInstance().validationFailed(); // keeps the dialog open
    }

    private static HttpServletRequest request() {
        return (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
    }

    private AccountQuery query(Map<String, FilterMeta> filterBy) {
        FilterMeta global = filterBy.get("globalFilter");
        searchText = global == null || global.getFilterValue() == null ? null : global.getFilterValue().toString();
        return currentQuery();
    }

    private AccountQuery currentQuery() {
        return new AccountQuery(searchText, role, twoFactorState, lockedOnly ? Boolean.TRUE : null, enabled);
    }

    /**
     * The users the table shows now (search and filters), as CSV. Like every admin action it needs a recent sign-in
     * or the password again: the file carries every account's email and last address.
     */
    public void exportCsv() {
        if (!stepUp.isFresh()) {
            Messages.error("admin.step-up.needed");
            return;
        }
        List<Long> ids = directory.idsByUsername(directory.match(currentQuery())); // searched once, not per page
        String zone = time.zoneName();
        CsvDownload.<CsvRow>send(Messages.text("csv.users.file"), List.of(Messages.text("csv.users.username"),
                        Messages.text("csv.users.name"), Messages.text("csv.users.email"), Messages.text("csv.users.role"),
                        Messages.text("csv.users.status"), Messages.text("csv.users.two-factor"),
                        Messages.text("csv.users.enrolled-at", zone), Messages.text("csv.users.code-locked-until", zone),
                        Messages.text("csv.users.last-sign-in-at", zone), Messages.text("csv.users.last-sign-in-ip")),
                CsvDownload.byIds(ids, this::withEnrolment),
                row -> List.of(row.account().getUsername(), row.account().getDisplayName(), nz(row.account().getEmail()),
                        Messages.text("role." + row.account().getRole().name()),
                        Messages.text(row.account().isEnabled() ? "admin.users.enabled" : "admin.users.disabled"),
                        Messages.text("two-factor." + row.account().getTwoFactorState().name()),
                        time.forFiles(row.enrolledAt()), time.forFiles(row.account().getCodeLockedUntil()),
                        time.forFiles(row.account().getLastSignInAt()), nz(row.account().getLastSignInIp())));
    }

    /** A row of the users' CSV: the account and when its authenticator was enrolled ({@code null}: none). */
    private record CsvRow(Account account, java.time.Instant enrolledAt) {
    }

    /** One page of the users' CSV, in the ids' order; the authenticators' enrolment times in one query for the page. */
    private List<CsvRow> withEnrolment(List<Long> ids) {
        List<Account> accounts = directory.inOrder(ids);
        Map<Long, java.time.Instant> enrolledAt = twoFactor.enrolledAt(accounts.stream().map(Account::getId).toList());
        return accounts.stream().map(a -> new CsvRow(a, enrolledAt.get(a.getId()))).toList();
    }

    static String nz(String value) {
        return value == null ? "" : value;
    }

    /** The rows of one page, straight from the database. */
    private final class Users extends LazyDataModel<Account> {

        private static final long serialVersionUID = 1L;

        /** What {@link #count} found, for the {@link #load} of the same request: one search instead of two. */
        private AccountDirectory.Matches counted;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            counted = directory.match(query(filterBy));
            return (int) Math.min(Integer.MAX_VALUE, counted.count());
        }

        @Override
        public List<Account> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                  Map<String, FilterMeta> filterBy) {
            SortMeta sort = sortBy.values().stream().findFirst().orElse(null);
            AccountQuery.SortField field = sort == null ? null : sortField(sort.getField());
            boolean ascending = sort == null || sort.getOrder() != SortOrder.DESCENDING;
            AccountQuery query = query(filterBy);
            AccountDirectory.Matches matches = counted != null && counted.query().equals(query)
                    ? counted : directory.match(query);
            counted = null; // used once: a later page is counted afresh
            return directory.page(matches, first, pageSize, field, ascending);
        }

        @Override
        public String getRowKey(Account account) {
            return account.getUsername();
        }

        private AccountQuery.SortField sortField(String field) {
            try {
                return AccountQuery.SortField.valueOf(field);
            } catch (IllegalArgumentException | NullPointerException e) {
                return null;
            }
        }
    }

    public Role[] getRoles() {
        return Role.values();
    }

    public TwoFactorState[] getTwoFactorStates() {
        return TwoFactorState.values();
    }

    public Role getRole() {
        return role;
    }

    public void setRole(Role role) {
        this.role = role;
    }

    public TwoFactorState getTwoFactorState() {
        return twoFactorState;
    }

    public void setTwoFactorState(TwoFactorState twoFactorState) {
        this.twoFactorState = twoFactorState;
    }

    public boolean isLockedOnly() {
        return lockedOnly;
    }

    public void setLockedOnly(boolean lockedOnly) {
        this.lockedOnly = lockedOnly;
    }

    public Boolean getEnabled() {
        return enabled;
    }

    public void setEnabled(Boolean enabled) {
        this.enabled = enabled;
    }

    public String getNewUsername() {
        return newUsername;
    }

    public void setNewUsername(String newUsername) {
        this.newUsername = newUsername;
    }

    public String getNewDisplayName() {
        return newDisplayName;
    }

    public void setNewDisplayName(String newDisplayName) {
        this.newDisplayName = newDisplayName;
    }

    public String getNewEmail() {
        return newEmail;
    }

    public void setNewEmail(String newEmail) {
        this.newEmail = newEmail;
    }

    public Role getNewRole() {
        return newRole;
    }

    public void setNewRole(Role newRole) {
        this.newRole = newRole;
    }
}
