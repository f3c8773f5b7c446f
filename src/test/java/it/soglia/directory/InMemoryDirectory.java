package it.soglia.directory;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSimpleBindRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** UnboundID's in-memory directory, with a few people, an admin group, and counters of what it was asked. */
final class InMemoryDirectory implements AutoCloseable {

    static final String BASE = "dc=example,dc=test";
    static final String SERVICE_DN = "cn=soglia,ou=services," + BASE;
    static final String ADMINS = "cn=soglia-admins,ou=groups," + BASE;

    final InMemoryDirectoryServer server;
    final AtomicInteger binds = new AtomicInteger();
    final AtomicInteger searches = new AtomicInteger();

    InMemoryDirectory() throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("default", 0));
        config.addAdditionalBindCredentials(SERVICE_DN, "service-secret");
        config.addInMemoryOperationInterceptor(new InMemoryOperationInterceptor() {
            @Override
            public void processSimpleBindRequest(InMemoryInterceptedSimpleBindRequest request) {
                if (!request.getRequest().getBindDN().equals(SERVICE_DN)) {
                    binds.incrementAndGet(); // binds as a user, not the pool's own
                }
            }

            @Override
            public void processSearchRequest(InMemoryInterceptedSearchRequest request) {
                searches.incrementAndGet();
            }
        });
        server = new InMemoryDirectoryServer(config);
        server.add("dn: " + BASE, "objectClass: domain", "dc: example");
        server.add("dn: ou=people," + BASE, "objectClass: organizationalUnit", "ou: people");
        server.add("dn: ou=groups," + BASE, "objectClass: organizationalUnit", "ou: groups");
        server.add("dn: ou=services," + BASE, "objectClass: organizationalUnit", "ou: services");
        person("giulia.verdi", "Giulia Verdi", "giulia-directory-pw", null);
        person("paolo.neri", "Paolo Neri", "paolo-directory-pw", null);
        person("carla.blu", "Carla Blu", "carla-directory-pw", "disabled");
        server.add("dn: " + ADMINS, "objectClass: groupOfNames", "cn: soglia-admins",
                "member: uid=giulia.verdi,ou=people," + BASE);
        server.startListening();
    }

    void person(String uid, String name, String password, String employeeType) throws Exception {
        var lines = new java.util.ArrayList<>(java.util.List.of("dn: uid=" + uid + ",ou=people," + BASE,
                "objectClass: inetOrgPerson", "uid: " + uid, "cn: " + name, "sn: " + name.split(" ")[1],
                "mail: " + uid + "@example.test", "userPassword: " + password));
        if (employeeType != null) {
            lines.add("employeeType: " + employeeType);
        }
        server.add(lines.toArray(new String[0]));
    }

    DirectorySettings settings() {
        return new DirectorySettings(URI.create("ldap://127.0.0.1:" + server.getListenPort()), false, SERVICE_DN,
                "service-secret", "ou=people," + BASE, DirectorySettings.OPENLDAP_USER_FILTER, "uid", "cn", "mail",
                "entryUUID", Optional.of(ADMINS), "member", Optional.of("(employeeType=disabled)"),
                Duration.ofSeconds(2), Duration.ofSeconds(2), Optional.empty(), 2);
    }

    @Override
    public void close() {
        server.shutDown(true);
    }
}
