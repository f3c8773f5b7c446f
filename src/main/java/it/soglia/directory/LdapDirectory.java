package it.soglia.directory;

import com.unboundid.ldap.sdk.BindResult;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPSearchException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.ldap.sdk.SingleServerSet;
import com.unboundid.ldap.sdk.StartTLSPostConnectProcessor;
import com.unboundid.util.ssl.AggregateTrustManager;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.HostNameTrustManager;
import com.unboundid.util.ssl.JVMDefaultTrustManager;
import com.unboundid.util.ssl.PEMFileTrustManager;
import com.unboundid.util.ssl.SSLUtil;
import java.io.File;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.X509TrustManager;

/**
 * The directory's few operations, over a pool of connections bound as the service account ({@code bind-dn}): search
 * for a user, bind as them with a typed password (on a pooled connection whose binding is put back at once), ask
 * whether they are disabled or in the admin group. The pool is made at the first use, so a directory down at
 * deployment does not stop Soglia; any failure to talk to it is a {@link DirectoryUnavailableException}.
 */
public class LdapDirectory implements AutoCloseable {

    private final DirectorySettings settings;
    private LDAPConnectionPool pool;

    public LdapDirectory(DirectorySettings settings) {
        this.settings = settings;
    }

    /** The entries {@code filter} finds under the user base (at most two: more than one is as good as none). */
    public List<SearchResultEntry> searchUsers(Filter filter) throws DirectoryUnavailableException {
        SearchRequest search = new SearchRequest(settings.userBaseDn(), SearchScope.SUB, filter,
                settings.usernameAttribute(), settings.nameAttribute(), settings.emailAttribute(),
                settings.idAttribute());
        search.setSizeLimit(2);
        try {
            return pool().search(search).getSearchEntries();
        } catch (LDAPSearchException e) {
            if (e.getResultCode() == ResultCode.SIZE_LIMIT_EXCEEDED) {
                return e.getSearchEntries(); // two found: the caller takes it as none
            }
            if (e.getResultCode() == ResultCode.NO_SUCH_OBJECT) {
                return List.of();
            }
            throw unavailable("search", e);
        }
    }

    /** Whether {@code filter} matches the entry at {@code dn} itself (disabled? in the group?). */
    public boolean matches(String dn, Filter filter) throws DirectoryUnavailableException {
        try {
            SearchResult result = pool().search(dn, SearchScope.BASE, filter, "1.1");
            return result.getEntryCount() == 1;
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.NO_SUCH_OBJECT) {
                return false;
            }
            throw unavailable("search", e);
        }
    }

    /**
     * Whether {@code password} is {@code dn}'s. Never called with an empty password (an anonymous bind, which many
     * directories accept: {@link DirectoryPasswords} refuses it before); the SDK refuses one too.
     */
    public boolean bindsAs(String dn, String password) throws DirectoryUnavailableException {
        if (password.isEmpty()) {
            throw new IllegalArgumentException("an empty password never reaches a bind");
        }
        try {
            BindResult result = pool().bindAndRevertAuthentication(new SimpleBindRequest(dn, password));
            return result.getResultCode() == ResultCode.SUCCESS;
        } catch (LDAPException e) {
            if (isRefusal(e.getResultCode())) {
                return false; // wrong password, or an account the directory refuses (AD: disabled, expired, locked)
            }
            throw unavailable("bind", e);
        }
    }

    private static boolean isRefusal(ResultCode code) {
        return code == ResultCode.INVALID_CREDENTIALS || code == ResultCode.INAPPROPRIATE_AUTHENTICATION
                || code == ResultCode.UNWILLING_TO_PERFORM || code == ResultCode.INVALID_DN_SYNTAX
                || code == ResultCode.NO_SUCH_OBJECT;
    }

    private synchronized LDAPConnectionPool pool() throws DirectoryUnavailableException {
        if (pool == null) {
            try {
                pool = newPool();
            } catch (LDAPException e) {
                throw unavailable("connect", e);
            } catch (GeneralSecurityException e) {
                throw new DirectoryUnavailableException("TLS set-up for the directory failed: " + e.getMessage(), e);
            }
        }
        return pool;
    }

    private LDAPConnectionPool newPool() throws LDAPException, GeneralSecurityException {
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        options.setConnectTimeoutMillis((int) settings.connectTimeout().toMillis());
        options.setResponseTimeoutMillis(settings.responseTimeout().toMillis());
        options.setBindWithDNRequiresPassword(true);
        boolean tls = settings.isLdaps() || settings.startTls();
        SSLContext ssl = tls ? sslUtil().createSSLContext() : null;
        if (tls) {
            options.setSSLSocketVerifier(new HostNameSSLSocketVerifier(true));
        }
        String host = settings.url().getHost();
        SingleServerSet server = settings.isLdaps()
                ? new SingleServerSet(host, settings.port(), ssl.getSocketFactory(), options)
                : new SingleServerSet(host, settings.port(), options);
        var startTls = !settings.isLdaps() && settings.startTls() ? new StartTLSPostConnectProcessor(ssl) : null;
        LDAPConnectionPool made = new LDAPConnectionPool(server,
                new SimpleBindRequest(settings.bindDn(), settings.bindPassword()), 1, settings.poolSize(), startTls);
        made.setConnectionPoolName("soglia-directory");
        made.setCreateIfNecessary(true);
        made.setMaxWaitTimeMillis(settings.responseTimeout().toMillis());
        made.setRetryFailedOperationsDueToInvalidConnections(true); // a connection the directory closed is replaced
        return made;
    }

    /**
     * Trusts the configured CA (else the JVM's) and only a certificate naming the host of {@code url}: checked in
     * the trust manager, since the socket verifier alone leaves a StartTLS connection's host name unchecked (seen in
     * LdapDirectoryTlsTest).
     */
    private SSLUtil sslUtil() throws GeneralSecurityException {
        Optional<String> ca = settings.caCertificate();
        X509TrustManager issuer = ca.isPresent() ? new PEMFileTrustManager(new File(ca.get()))
                : JVMDefaultTrustManager.getInstance();
        X509TrustManager host = new HostNameTrustManager(false, settings.url().getHost());
        return new SSLUtil(new AggregateTrustManager(true, issuer, host));
    }

    private static DirectoryUnavailableException unavailable(String operation, LDAPException e) {
        return new DirectoryUnavailableException("the directory's " + operation + " failed: " + e.getResultCode()
                + " " + e.getDiagnosticMessage(), e);
    }

    @Override
    public synchronized void close() {
        if (pool != null) {
            pool.close();
            pool = null;
        }
    }
}
