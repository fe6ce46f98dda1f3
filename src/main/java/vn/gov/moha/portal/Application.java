package vn.gov.moha.portal;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.theme.Theme;
import jakarta.persistence.EntityManagerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.server.ConfigurableServletWebServerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.web.SecurityFilterChain;
import vn.gov.moha.portal.generator.GenerateCommand;

/** The workflow portal of the Ministry of Home Affairs: priority tasks, units, users. */
@SpringBootApplication
@ConfigurationPropertiesScan // the portal.* settings: one record per feature (FilesProperties, LoginProperties, ...)
@Theme("moha")
@Meta(name = "viewport", content = "width=device-width, initial-scale=1")
public class Application implements AppShellConfigurator {

    /**
     * Beans are created when first needed (spring.main.lazy-initialization, for a quick start), but Flyway still
     * migrates the database before the web server takes requests, and the security filter chain is built at start
     * even where no servlet filter asks for it (Karibu tests): building it tells Vaadin's access control which
     * view is the login view.
     */
    @Bean
    static LazyInitializationExcludeFilter eagerAtStart() {
        return LazyInitializationExcludeFilter.forBeanTypes(
                FlywayMigrationInitializer.class, SecurityFilterChain.class);
    }

    /**
     * The portal's own settings are bound at start, although beans are lazy, so a bad value stops the start with
     * Spring's message naming the property instead of failing the first page that needs it.
     */
    @Bean
    static LazyInitializationExcludeFilter settingsAtStart() {
        return (name, definition, type) -> type.isAnnotationPresent(ConfigurationProperties.class)
                && type.getPackageName().startsWith("vn.gov.moha.portal");
    }

    /**
     * Hibernate boots in the background (lazy repositories), but the web server waits for that boot before it opens
     * its port. Asking for the entity manager factory while the web server is being set up starts Flyway's
     * migration and Hibernate's boot before Vaadin's servlet set-up (its class scan, Atmosphere) instead of after
     * it, so that the two run on two cores at once (docs/benchmarks.md, "Cold start"). Without a web server (tests,
     * the data generator) nothing changes.
     */
    @Bean
    WebServerFactoryCustomizer<ConfigurableServletWebServerFactory> jpaBeforeWebServer(
            ObjectProvider<EntityManagerFactory> jpa) {
        return factory -> jpa.getIfAvailable();
    }

    /** The portal's time zone (the tests run in it too: surefire and failsafe set -Duser.timezone). */
    public static final String ZONE = "Asia/Ho_Chi_Minh";

    public static void main(String[] args) {
        // The embedded H2 database runs with AUTO_SERVER=TRUE so that scripts/backup-h2.sh can reach it while the
        // portal runs; H2 would open that TCP port on every network interface, this keeps it on this machine.
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
        // "Today", deadlines and the working-day calendar are Vietnam's, whatever zone the server is set to: a
        // server on UTC would otherwise see an assignment made at 00:30 in Hanoi as made tomorrow (the database
        // stores times in Asia/Ho_Chi_Minh, hibernate.jdbc.time_zone) and leave it off today's dashboard.
        java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone(ZONE));
        SpringApplication app = new SpringApplication(Application.class);
        if (GenerateCommand.requested(args)) {
            app.setAdditionalProfiles(GenerateCommand.PROFILE);
        }
        ConfigurableApplicationContext context = app.run(args);
        if (context.getEnvironment().matchesProfiles(GenerateCommand.PROFILE)) {
            int code = GenerateCommand.run(context);
            System.exit(SpringApplication.exit(context, () -> code));
        }
    }
}
