package vn.gov.moha.portal.directory;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldif.LDIFReader;
import java.io.InputStream;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A real LDAP server for the tests: UnboundID's in-memory directory on a free port of this machine, with the demo
 * people of {@code ldap/people.ldif} (password Ldap@2024), and the {@code portal.ldap.*} settings that point the
 * portal at it. It can be stopped and started again on the same port (the directory being down).
 */
public final class TestDirectory implements AutoCloseable {

    public static final String BASE = "dc=noivu,dc=gov,dc=vn";
    public static final String PASSWORD = "Ldap@2024";

    private final InMemoryDirectoryServer server;
    private final int port;

    private TestDirectory(InMemoryDirectoryServer server, int port) {
        this.server = server;
        this.port = port;
    }

    public static TestDirectory start() {
        try (ServerSocket free = new ServerSocket(0)) {
            int port = free.getLocalPort();
            free.close();
            InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
            config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", null, port, null));
            config.setSchema(null); // pwdAccountLockedTime (the ppolicy overlay's) is not in the standard schema
            InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
            try (InputStream ldif = TestDirectory.class.getResourceAsStream("/ldap/people.ldif")) {
                server.importFromLDIF(true, new LDIFReader(ldif));
            }
            server.startListening();
            return new TestDirectory(server, port);
        } catch (Exception e) {
            throw new IllegalStateException("The test LDAP server did not start", e);
        }
    }

    /** The settings that point the portal at this server (the README's OpenLDAP example, on this port). */
    public Map<String, String> properties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("portal.ldap.url", "ldap://127.0.0.1:" + port);
        p.put("portal.ldap.base", BASE);
        p.put("portal.ldap.bind-dn", "cn=portal-reader,ou=services," + BASE);
        p.put("portal.ldap.bind-password", "Reader@2024");
        p.put("portal.ldap.user-search-base", "ou=people");
        p.put("portal.ldap.user-search-filter", "(uid={0})");
        p.put("portal.ldap.group-search-base", "ou=groups");
        p.put("portal.ldap.group-search-filter", "(member={0})");
        p.put("portal.ldap.roles.cong-quan-ly", "MANAGER");
        p.put("portal.ldap.roles.cong-chuyen-vien-don-vi", "UNIT_OFFICER");
        p.put("portal.ldap.unit-attribute", "departmentNumber");
        p.put("portal.ldap.disabled-filter", "(pwdAccountLockedTime=*)");
        p.put("portal.ldap.timeout", "3s");
        return p;
    }

    /** The same as command-line arguments of the portal's jar. */
    public String[] arguments() {
        return properties().entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
    }

    /** Moves a person to another unit in the directory (their departmentNumber). */
    public void moveToUnit(String uid, String unitCode) {
        try {
            server.modify(
                    "uid=" + uid + ",ou=people," + BASE,
                    new Modification(ModificationType.REPLACE, "departmentNumber", unitCode));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The directory goes down: no connection is accepted until {@link #restart()}. */
    public void stop() {
        server.shutDown(true);
    }

    public void restart() {
        try {
            server.startListening();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.shutDown(true);
    }
}
