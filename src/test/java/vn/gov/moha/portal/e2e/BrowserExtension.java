package vn.gov.moha.portal.e2e;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.params.ParameterizedTest;
import vn.gov.moha.portal.directory.TestDirectory;

/**
 * What every browser test needs. Once per run: finds Chromium and chromedriver, or else skips
 * every browser test with one log line saying how to enable them; starts the production portal
 * (or uses {@code -Dportal.e2e.url=...}, a portal started by hand), pointed at a test LDAP directory
 * ({@link TestDirectory}) that it starts first. For each test: a fresh
 * {@link Browser}, closed afterwards; a failing test leaves a screenshot and the page's HTML. A test may
 * also take the {@link Portal} (to trust a certificate, or to let days pass).
 */
final class BrowserExtension
        implements BeforeAllCallback, BeforeEachCallback, ParameterResolver, AfterTestExecutionCallback {

    static final Path SCREENSHOTS = Path.of(System.getProperty("portal.e2e.screenshots", "target/e2e-screenshots"));
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(BrowserExtension.class);

    /** Found once per run: either why the browser tests are skipped, or what they run with. */
    private record Setup(String skipped, Path chromium, File chromedriver, String baseUrl) {}

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(NS).getOrComputeIfAbsent(Setup.class, k -> setUp(context), Setup.class);
    }

    private static Setup setUp(ExtensionContext context) {
        Optional<Path> chromium = onPath("chromium", "chromium-browser", "google-chrome");
        Optional<Path> driver = onPath("chromedriver");
        String skipped = chromium.isEmpty() || driver.isEmpty()
                ? "Browser tests skipped: install chromium and chromium-driver (apt-get install chromium chromium-driver)"
                : Boolean.getBoolean("portal.e2e.skip")
                        ? "Browser tests skipped: e2e.skip=true (no production jar built)"
                        : null;
        if (skipped != null) {
            System.out.println("[e2e] " + skipped);
            return new Setup(skipped, null, null, null);
        }
        clearScreenshots();
        String url = System.getProperty("portal.e2e.url");
        if (url == null) {
            Path jar = Path.of(System.getProperty("portal.e2e.jar", "target/e2e-build/moha-portal.jar"));
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("No production jar at " + jar + ": run mvn verify, which builds it");
            }
            // the ministry's directory too (LdapIT), before the portal, which is pointed at it: the demo's local
            // accounts sign in beside the directory's people in every browser test
            TestDirectory directory = TestDirectory.start();
            context.getRoot().getStore(NS).put(TestDirectory.class, (ExtensionContext.Store.CloseableResource)
                    directory::close);
            Portal portal;
            try {
                portal = Portal.forBrowserTests(
                        jar, SCREENSHOTS.resolveSibling("e2e-portal.log"), directory.arguments());
            } catch (Exception e) {
                throw new IllegalStateException("The portal did not start", e);
            }
            context.getRoot().getStore(NS).put(Portal.class, portal); // stopped when the run ends
            url = portal.baseUrl;
        }
        return new Setup(null, chromium.get(), driver.get().toFile(), url);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Setup setup = context.getRoot().getStore(NS).get(Setup.class, Setup.class);
        Assumptions.assumeTrue(setup.skipped() == null, setup.skipped());
        Assumptions.assumeTrue(
                context.getRoot().getStore(NS).get(Portal.class, Portal.class) != null
                        || (!demoWork(context)
                                && Stream.of(context.getRequiredTestMethod().getParameterTypes())
                                        .noneMatch(Portal.class::equals)),
                "This test uses the portal itself (its data, its certificates): not with -Dportal.e2e.url");
    }

    /** A test class marked so runs against a second portal, started once with the demo's work in progress. */
    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
    @java.lang.annotation.Target(java.lang.annotation.ElementType.TYPE)
    @interface DemoWork {}

    private static boolean demoWork(ExtensionContext context) {
        return context.getRequiredTestClass().isAnnotationPresent(DemoWork.class);
    }

    private static Portal portal(ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(NS);
        if (!demoWork(context)) {
            return store.get(Portal.class, Portal.class);
        }
        return store.getOrComputeIfAbsent(
                DemoWork.class,
                k -> {
                    try {
                        return Portal.start(
                                Path.of(System.getProperty("portal.e2e.jar", "target/e2e-build/moha-portal.jar")),
                                SCREENSHOTS.resolveSibling("e2e-demo-portal.log"),
                                "--portal.demo.workflow=true");
                    } catch (Exception e) {
                        throw new IllegalStateException("The demo portal did not start", e);
                    }
                },
                Portal.class); // stopped when the run ends
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Browser.class || type == Portal.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        if (parameter.getParameter().getType() == Portal.class) {
            return portal(context);
        }
        Setup setup = context.getRoot().getStore(NS).get(Setup.class, Setup.class);
        String baseUrl = demoWork(context) ? portal(context).baseUrl : setup.baseUrl();
        Method test = context.getRequiredTestMethod();
        // a test may take several browsers (several people at once): each its own window, all closed at the end
        Browsers open = context.getStore(NS).getOrComputeIfAbsent(Browsers.class, k -> new Browsers(), Browsers.class);
        String scenario = test.getName()
                + (test.isAnnotationPresent(ParameterizedTest.class) ? "-" + context.getDisplayName() : "")
                + (open.isEmpty() ? "" : "-" + (open.size() + 1));
        Browser browser = new Browser(baseUrl, setup.chromium(), setup.chromedriver(), SCREENSHOTS, scenario);
        open.add(browser);
        return browser;
    }

    /** The browsers of one test, closed when it ends. */
    private static final class Browsers extends java.util.ArrayList<Browser>
            implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            forEach(Browser::close);
        }
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        Browsers open = context.getStore(NS).get(Browsers.class, Browsers.class);
        if (open != null && context.getExecutionException().isPresent()) {
            open.forEach(Browser::saveFailure);
        }
    }

    /** This run's screenshots only: those of an earlier run would be mistaken for this one's. */
    private static void clearScreenshots() {
        try (Stream<Path> old = Files.exists(SCREENSHOTS) ? Files.list(SCREENSHOTS) : Stream.empty()) {
            old.forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<Path> onPath(String... names) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .flatMap(dir -> Stream.of(names).map(name -> Path.of(dir, name)))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
