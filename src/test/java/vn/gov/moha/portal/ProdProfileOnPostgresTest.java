package vn.gov.moha.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code prod} profile on a real PostgreSQL 17: the same Flyway migrations build the schema and
 * the reference data, no demo account is created, and without the first ADMIN's settings the portal
 * refuses to start and says what to set.
 */
class ProdProfileOnPostgresTest {

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create database without_admin");
            s.execute("create database with_admin");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    /** Starts the portal in the prod profile; settings as command-line arguments, which win over the files. */
    private static ConfigurableApplicationContext prod(String database, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "--PORTAL_DB_URL=" + postgres.getJdbcUrl("postgres", database),
                "--PORTAL_DB_USER=postgres", "--PORTAL_DB_PASSWORD=",
                "--server.port=0", "--vaadin.productionMode=false", "--spring.main.banner-mode=off"));
        args.addAll(List.of(more));
        return new SpringApplicationBuilder(Application.class).profiles("prod").run(args.toArray(String[]::new));
    }

    @Test
    void refusesToStartWithoutTheFirstAdmin() {
        assertThatThrownBy(() -> prod("without_admin").close())
                .hasStackTraceContaining("PORTAL_ADMIN_USERNAME")
                .hasStackTraceContaining("PORTAL_ADMIN_PASSWORD");
    }

    @Test
    void startsWithTheFirstAdminFromTheEnvironmentAndNoDemoAccounts() {
        try (ConfigurableApplicationContext ctx = prod("with_admin", "--PORTAL_ADMIN_USERNAME=Quantri",
                "--PORTAL_ADMIN_PASSWORD=mot-mat-khau-dai", "--PORTAL_ADMIN_EMAIL=quantri@noivu.gov.vn")) {
            JdbcTemplate db = new JdbcTemplate(ctx.getBean(javax.sql.DataSource.class));
            assertThat(db.queryForList("select username from app_user", String.class)).containsExactly("quantri");
            assertThat(db.queryForList("select role from app_user_role", String.class)).containsExactly("ADMIN");
            assertThat(db.queryForObject("select count(*) from priority_task where programme_year = 2024", Integer.class))
                    .isEqualTo(10);
            assertThat(db.queryForObject("select count(*) from org_unit where kind = 'PROVINCE' "
                    + "and valid_from <= date '2024-12-31' and (valid_to is null or valid_to >= date '2024-12-31')",
                    Integer.class)).isEqualTo(63);
            assertThat(db.queryForObject("select count(distinct coalesce(successor_id, id)) from org_unit "
                    + "where kind = 'PROVINCE' and valid_from < date '2025-07-01'", Integer.class)).isEqualTo(34);
            assertThat(ctx.containsBean("h2Console")).isFalse();
            String hash = db.queryForObject("select password_hash from app_user", String.class);
            assertThat(hash).startsWith("{bcrypt}");
        }
    }
}
