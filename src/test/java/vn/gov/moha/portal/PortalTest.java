package vn.gov.moha.portal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.ActiveProfiles;
import vn.gov.moha.portal.api.ApiFixture;
import vn.gov.moha.portal.calendar.CalendarFixture;
import vn.gov.moha.portal.notification.NotificationFixture;
import vn.gov.moha.portal.notification.TestMail;
import vn.gov.moha.portal.workflow.WorkflowFixture;
import vn.gov.moha.portal.workflow.adhoc.AdhocFixture;
import vn.gov.moha.portal.workflow.reporting.ReportingFixture;

/**
 * A test on the whole application: H2 in memory, or PostgreSQL on the build's postgres run ({@link TestDatabase}),
 * the fixture beans to {@code @Autowired}, and the workflow tables emptied before each test ({@link DatabaseCleaner}).
 * Every Spring test uses it, so they share one cached context per web environment and property set: one on a
 * random port for all but the few with a database of their own. The fixtures are plain classes made beans by this
 * {@code @Import}: not {@code @Component}s, so no application context started from the test classpath without it
 * (ProdProfileOnPostgresTest) scans them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest
@ActiveProfiles(resolver = TestDatabase.class)
@Import({
    TestDatabase.Postgres.class,
    DatabaseCleaner.class,
    TestUsers.class,
    WorkflowFixture.class,
    ReportingFixture.class,
    NotificationFixture.class,
    CalendarFixture.class,
    AdhocFixture.class,
    vn.gov.moha.portal.workflow.transfer.TransferFixture.class,
    ApiFixture.class,
    TestMail.class
})
@ExtendWith(DatabaseCleaner.BeforeEachTest.class)
public @interface PortalTest {

    /**
     * RANDOM_PORT for every test that shares the context: real HTTP (login form, headers, sessions), with Karibu's
     * mocked UI and MockMvc beside it. MOCK only where a test has a context of its own anyway (its own database): it
     * starts in 2-3 s, where the server's start (Vaadin's servlet and class scan) adds about 5 s on a small machine.
     */
    @AliasFor(annotation = SpringBootTest.class)
    SpringBootTest.WebEnvironment webEnvironment() default SpringBootTest.WebEnvironment.RANDOM_PORT;

    /** Extra properties: each distinct set is one more Spring context, so add them only when a test needs to. */
    @AliasFor(annotation = SpringBootTest.class)
    String[] properties() default {};

    /** False for tests whose methods build on each other's data, or that run on a database kept for benchmarks. */
    boolean cleanDatabase() default true;
}
