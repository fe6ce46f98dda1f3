package vn.gov.moha.portal.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.gov.moha.portal.PortalTest;
import vn.gov.moha.portal.security.FormLogin;

/**
 * Signing in through the real login form with the ministry's directory: a real LDAP server (TestDirectory) with the
 * demo people of ldap/people.ldif, the portal pointed at it by portal.ldap.*; the demo's local accounts keep working.
 */
@PortalTest
class DirectorySignInTest {

    static final TestDirectory ldap = TestDirectory.start();

    @DynamicPropertySource
    static void directory(DynamicPropertyRegistry registry) {
        ldap.properties().forEach((k, v) -> registry.add(k, () -> v));
    }

    @AfterAll
    static void stopDirectory() {
        ldap.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate db;

    /** Directory accounts are made by these tests only; the reference accounts stay as they were. */
    @BeforeEach
    @AfterEach
    void forget() {
        db.update("delete from login_failure");
        db.update("delete from login_source_failure");
        db.update("delete from app_user where directory = true");
    }

    private String login(String username, String password) throws Exception {
        return new FormLogin(port).login(username, password);
    }

    private Map<String, Object> account(String username) {
        return db.queryForMap(
                "select u.directory, u.full_name, u.email, o.code as unit, r.role from app_user u"
                        + " left join org_unit o on o.id = u.unit_id join app_user_role r on r.user_id = u.id"
                        + " where u.username = ?",
                username);
    }

    private List<String> events(String username, String action) {
        return db.queryForList(
                "select coalesce(before_value, '') || ' -> ' || coalesce(after_value, '') from event_log"
                        + " where actor = ? and action = ? order by id",
                String.class,
                username,
                action);
    }

    @Test
    void theRightDirectoryPasswordSignsInWithTheDirectorysRoleAndUnit() throws Exception {
        assertThat(login("danhba.lamdong", TestDirectory.PASSWORD)).isEqualTo("/");
        assertThat(login("Danhba.Quanly", TestDirectory.PASSWORD)).isEqualTo("/");

        assertThat(account("danhba.lamdong"))
                .containsEntry("DIRECTORY", true)
                .containsEntry("FULL_NAME", "Ka Nguyễn Thị Lành")
                .containsEntry("UNIT", "SNV-68")
                .containsEntry("ROLE", "UNIT_OFFICER");
        assertThat(account("danhba.quanly")).containsEntry("ROLE", "MANAGER").containsEntry("UNIT", null);
        assertThat(events("danhba.lamdong", "DIRECTORY_ACCOUNT_CREATE"))
                .containsExactly(" -> unit=SNV-68; role=UNIT_OFFICER");

        assertThat(login("danhba.lamdong", TestDirectory.PASSWORD))
                .as("a second sign-in uses the account the first made")
                .isEqualTo("/");
        assertThat(events("danhba.lamdong", "DIRECTORY_ACCOUNT_CREATE")).hasSize(1);
        assertThat(events("danhba.lamdong", "DIRECTORY_ACCOUNT_CHANGE")).isEmpty();
        assertThat(login("quanly", "Demo@2024"))
                .as("a local account beside them")
                .isEqualTo("/");
    }

    @Test
    void aWrongPasswordIsRefusedAndCounted() throws Exception {
        assertThat(login("danhba.lamdong", "Sai@2024")).isEqualTo("/login?error");
        assertThat(login("danhba.lamdong", "")).isEqualTo("/login?error");
        assertThat(db.queryForObject(
                        "select failures from login_failure where username = 'danhba.lamdong'", Integer.class))
                .isEqualTo(2);
        assertThat(db.queryForObject("select count(*) from app_user where username = 'danhba.lamdong'", Integer.class))
                .isZero();
    }

    @Test
    void aDisabledDirectoryAccountIsRefusedWithItsReason() throws Exception {
        assertThat(login("danhba.vohieu", TestDirectory.PASSWORD)).isEqualTo("/login?error");
        assertThat(events("danhba.vohieu", "LOGIN_FAILED"))
                .singleElement()
                .asString()
                .contains("cause=DISABLED");
        assertThat(db.queryForObject("select count(*) from app_user where username = 'danhba.vohieu'", Integer.class))
                .isZero();
    }

    @Test
    void somebodyInNoMappedGroupIsRefusedAndGetsNoAccount() throws Exception {
        assertThat(login("danhba.khongnhom", TestDirectory.PASSWORD)).isEqualTo("/login?error");
        assertThat(events("danhba.khongnhom", "LOGIN_FAILED"))
                .singleElement()
                .asString()
                .contains("cause=NO_ROLE", "groups=[nhan-vien]");
        assertThat(db.queryForObject(
                        "select count(*) from app_user where username = 'danhba.khongnhom'", Integer.class))
                .isZero();
    }

    @Test
    void aMoveToAnotherUnitInTheDirectoryMovesThePersonHereAndIsLogged() throws Exception {
        try {
            assertThat(login("danhba.chuyen", TestDirectory.PASSWORD)).isEqualTo("/");
            assertThat(account("danhba.chuyen")).containsEntry("UNIT", "SNV-01");

            ldap.moveToUnit("danhba.chuyen", "SNV-68");
            assertThat(login("danhba.chuyen", TestDirectory.PASSWORD)).isEqualTo("/");

            assertThat(account("danhba.chuyen")).containsEntry("UNIT", "SNV-68");
            assertThat(events("danhba.chuyen", "DIRECTORY_ACCOUNT_CHANGE"))
                    .containsExactly("unit=SNV-01; role=UNIT_OFFICER -> unit=SNV-68; role=UNIT_OFFICER");
        } finally {
            ldap.moveToUnit("danhba.chuyen", "SNV-01");
        }
    }

    @Test
    void withTheDirectoryDownLocalAccountsStillSignInAndDirectoryPeopleAreTold() throws Exception {
        assertThat(login("danhba.lamdong", TestDirectory.PASSWORD)).isEqualTo("/");
        ldap.stop();
        try {
            assertThat(login("lamdong.cv", "Demo@2024")).isEqualTo("/");
            assertThat(login("danhba.lamdong", TestDirectory.PASSWORD)).isEqualTo("/login?error");
            assertThat(login("danhba.quanly", TestDirectory.PASSWORD))
                    .as("not signed in before")
                    .isEqualTo("/login?error");
        } finally {
            ldap.restart();
        }
        assertThat(events("danhba.lamdong", "LOGIN_FAILED"))
                .singleElement()
                .asString()
                .contains("cause=DIRECTORY_DOWN");
        assertThat(events("danhba.quanly", "LOGIN_FAILED"))
                .singleElement()
                .asString()
                .contains("cause=DIRECTORY_DOWN");
        assertThat(db.queryForObject("select count(*) from login_failure", Integer.class))
                .as("the directory being down is no wrong password")
                .isZero();
        assertThat(login("danhba.lamdong", TestDirectory.PASSWORD))
                .as("back up")
                .isEqualTo("/");
    }

    @Test
    void fiveWrongDirectoryPasswordsLockAsForALocalAccount() throws Exception {
        for (int i = 1; i <= 5; i++) {
            assertThat(login("danhba.khoa", "Sai@" + i)).isEqualTo("/login?error");
        }
        assertThat(login("danhba.khoa", TestDirectory.PASSWORD))
                .as("the right password while locked")
                .isEqualTo("/login?error");
        assertThat(events("danhba.khoa", "LOGIN_LOCKED")).hasSize(1);
        assertThat(events("danhba.khoa", "LOGIN_FAILED")).last().asString().contains("cause=LOCKED");

        db.update(
                "update login_failure set locked_until = ? where username = 'danhba.khoa'",
                java.sql.Timestamp.valueOf(java.time.LocalDateTime.now().minusSeconds(1)));
        assertThat(login("danhba.khoa", TestDirectory.PASSWORD))
                .as("the lock ended")
                .isEqualTo("/");
    }
}
