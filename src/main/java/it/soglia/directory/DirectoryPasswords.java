package it.soglia.directory;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchResultEntry;
import java.util.List;
import java.util.Optional;

/**
 * Checks a typed password against the directory: an empty one is refused before any LDAP call (Active Directory
 * and others take a bind with a DN and no password as anonymous, and answer "success"); then a search as the
 * service account with the configured filter, the username escaped ({@link Filter#encodeValue}), so that
 * {@code *)(uid=*} finds nobody; then a bind as the one entry found with the typed password; only then whether the
 * directory has the user disabled, and whether they are in the admin group. No framework here: the unit tests run it
 * against an in-memory directory.
 */
public class DirectoryPasswords {

    /** What the directory says. {@code user} and {@code admin} only when {@link Kind#RIGHT}. */
    public record Answer(Kind kind, DirectoryUser user, boolean admin) {
        public enum Kind { EMPTY_PASSWORD, UNKNOWN, WRONG, DISABLED, RIGHT }

        static Answer of(Kind kind) {
            return new Answer(kind, null, false);
        }
    }

    private final DirectorySettings settings;
    private final LdapDirectory directory;

    public DirectoryPasswords(DirectorySettings settings, LdapDirectory directory) {
        this.settings = settings;
        this.directory = directory;
    }

    public Answer check(String username, String password) throws DirectoryUnavailableException {
        if (password == null || password.isEmpty()) {
            return Answer.of(Answer.Kind.EMPTY_PASSWORD);
        }
        Optional<DirectoryUser> user = find(username);
        if (user.isEmpty()) {
            return Answer.of(Answer.Kind.UNKNOWN);
        }
        if (!directory.bindsAs(user.get().dn(), password)) {
            return Answer.of(Answer.Kind.WRONG);
        }
        if (isDisabled(user.get().dn())) {
            return new Answer(Answer.Kind.DISABLED, user.get(), false);
        }
        return new Answer(Answer.Kind.RIGHT, user.get(), isAdmin(user.get().dn()));
    }

    /** The one entry the user filter finds for {@code username}; none when it finds none or several. */
    public Optional<DirectoryUser> find(String username) throws DirectoryUnavailableException {
        if (username == null || username.isBlank() || username.length() > 256) {
            return Optional.empty();
        }
        return single(directory.searchUsers(userFilter(username.strip())));
    }

    /**
     * The user holding {@code stableId}, when the directory still has them and has them enabled (the sessions'
     * check): a rename keeps them, a deletion or the disabled filter does not.
     */
    public Optional<DirectoryUser> findActive(String stableId) throws DirectoryUnavailableException {
        Filter byId = Filter.createANDFilter(parse(settings.userFilter().replace("{0}", "*")),
                StableIds.filterFor(settings.idAttribute(), stableId));
        Optional<DirectoryUser> user = single(directory.searchUsers(byId));
        if (user.isPresent() && isDisabled(user.get().dn())) {
            return Optional.empty();
        }
        return user;
    }

    Filter userFilter(String username) {
        return parse(settings.userFilter().replace("{0}", Filter.encodeValue(username)));
    }

    private boolean isDisabled(String dn) throws DirectoryUnavailableException {
        return settings.disabledFilter().isPresent() && directory.matches(dn, parse(settings.disabledFilter().get()));
    }

    /** Direct members of the admin group: the group entry lists the user's DN in its member attribute. */
    private boolean isAdmin(String dn) throws DirectoryUnavailableException {
        return settings.adminGroup().isPresent() && directory.matches(settings.adminGroup().get(),
                Filter.createEqualityFilter(settings.groupMemberAttribute(), dn));
    }

    private Optional<DirectoryUser> single(List<SearchResultEntry> entries) {
        if (entries.size() != 1) {
            return Optional.empty();
        }
        SearchResultEntry entry = entries.get(0);
        String id = StableIds.of(entry.getAttribute(settings.idAttribute()));
        String name = entry.getAttributeValue(settings.usernameAttribute());
        if (id == null || name == null) {
            return Optional.empty(); // no stable id, no username: Soglia could not keep an account for it
        }
        String displayName = entry.getAttributeValue(settings.nameAttribute());
        return Optional.of(new DirectoryUser(entry.getDN(), id, name,
                displayName == null ? name : displayName, entry.getAttributeValue(settings.emailAttribute())));
    }

    private static Filter parse(String filter) {
        try {
            return Filter.create(filter);
        } catch (LDAPException e) {
            throw new IllegalStateException("a soglia.ldap filter is not an LDAP filter: " + filter, e);
        }
    }
}
