package it.soglia.oidc;

import it.soglia.account.Account;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The claims about the user an application receives, in the ID token and from {@code /userinfo}, by scope:
 * {@code profile} gives the username and name, {@code email} the email, and the groups (Soglia's roles) always come,
 * since an application decides its own access by them.
 */
final class UserClaims {

    static final List<String> SUPPORTED = List.of("sub", "preferred_username", "name", "email", "email_verified",
            "groups");

    private UserClaims() {
    }

    static Map<String, Object> of(Account account, String scope) {
        Set<String> scopes = Set.of(scope.split(" "));
        Map<String, Object> claims = new LinkedHashMap<>();
        if (scopes.contains("profile")) {
            claims.put("preferred_username", account.getUsername());
            claims.put("name", account.getDisplayName());
        }
        if (scopes.contains("email") && account.getEmail() != null) {
            claims.put("email", account.getEmail());
            claims.put("email_verified", false); // an admin typed it, or the user: nobody proved the mailbox
        }
        claims.put("groups", account.getRole().groups().stream().sorted().toList());
        return claims;
    }
}
