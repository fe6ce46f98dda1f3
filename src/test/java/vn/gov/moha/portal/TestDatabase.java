package vn.gov.moha.portal;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.sql.DataSource;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Profile;
import org.springframework.test.context.ActiveProfilesResolver;

/**
 * Which database the Spring tests run on: H2 in memory by default, or a real PostgreSQL 17
 * (zonky embedded, from Maven Central) when {@code -Dportal.test.db=postgres}. The build runs the
 * suite on both; the same Flyway migrations build both.
 */
public final class TestDatabase implements ActiveProfilesResolver {

    static boolean postgres() {
        return "postgres".equals(System.getProperty("portal.test.db"));
    }

    @Override
    public String[] resolve(Class<?> testClass) {
        return postgres() ? new String[] {"test", "pg"} : new String[] {"test"};
    }

    /** A PostgreSQL server for the whole test JVM, stopped with the Spring context. */
    @TestConfiguration(proxyBeanMethods = false)
    @Profile("pg")
    static class Postgres {

        @Bean(destroyMethod = "close")
        EmbeddedPostgres embeddedPostgres() {
            try {
                // -Dportal.test.pgdir keeps the data between runs (the benchmarks' million reports)
                String dir = System.getProperty("portal.test.pgdir");
                return dir == null
                        ? EmbeddedPostgres.builder().start()
                        : EmbeddedPostgres.builder()
                                .setDataDirectory(java.nio.file.Path.of(dir))
                                .setCleanDataDirectory(false)
                                .start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Bean(destroyMethod = "close")
        DataSource dataSource(EmbeddedPostgres postgres) {
            HikariDataSource pool = new HikariDataSource();
            pool.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
            pool.setUsername("postgres");
            pool.setMaximumPoolSize(12);
            return pool;
        }
    }
}
