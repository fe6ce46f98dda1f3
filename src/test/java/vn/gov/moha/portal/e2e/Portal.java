package vn.gov.moha.portal.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The portal as it ships: the production-mode jar (built by {@code mvn verify} before the browser
 * tests) started with {@code java -jar} on a free port, with a fresh H2 database and file store in
 * a temporary folder, demo accounts on, the demo work in progress off. Stopped when the tests end.
 */
public final class Portal implements ExtensionContext.Store.CloseableResource {

    /** With the demo work (the load test), the portal serves its first page only when the demo is made. */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(10);

    public final String baseUrl;
    private Process process;
    private final Path dataDir;
    private final List<String> command;
    private final Path log;

    private Portal(String baseUrl, Path dataDir, List<String> command, Path log) {
        this.baseUrl = baseUrl;
        this.dataDir = dataDir;
        this.command = command;
        this.log = log;
    }

    /** For the browser tests: the demo work in progress off, and the extra arguments (the test directory's). */
    static Portal forBrowserTests(Path jar, Path log, String[] extra) throws Exception {
        List<String> arguments = new java.util.ArrayList<>(List.of("--portal.demo.workflow=false"));
        arguments.addAll(List.of(extra));
        return start(jar, log, arguments.toArray(String[]::new));
    }

    /** Also used by the load test, which wants the demo work in progress (--portal.demo.workflow=true). */
    public static Portal start(Path jar, Path log, String... arguments) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path dataDir = Files.createTempDirectory("portal-e2e-");
        Files.createDirectories(log.getParent());
        Files.deleteIfExists(log); // this run's log only
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m",
                "-jar",
                jar.toString(),
                "--server.port=" + port,
                "--spring.datasource.url=" + jdbcUrl(dataDir),
                "--portal.files.dir=" + dataDir.resolve("files"),
                "--portal.backup.dir=" + dataDir.resolve("backups"),
                "--portal.signature.trusted-dir=" + dataDir.resolve("trusted-roots")));
        command.addAll(List.of(arguments));
        Portal portal = new Portal("http://localhost:" + port, dataDir, command, log);
        portal.run();
        if (!Files.readString(log).contains("Vaadin is running in production mode")) {
            portal.close();
            throw new AssertionError("The portal at " + jar + " is not in Vaadin production mode; see " + log);
        }
        return portal;
    }

    private static String jdbcUrl(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.resolve("portal") + ";AUTO_SERVER=FALSE";
    }

    /** Starts the jar and waits for its login page; its output goes on at the end of the log. */
    private void run() throws Exception {
        long started = System.nanoTime();
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        try {
            awaitLoginPage(log);
        } catch (Exception | AssertionError e) {
            close();
            throw e;
        }
        System.out.printf(
                "[e2e] Portal (production jar) up at %s in %.1f s; its log: %s%n",
                baseUrl, (System.nanoTime() - started) / 1e9, log);
    }

    /** The folder of trusted root certificates the portal reads ({@code portal.signature.trusted-dir}). */
    public Path trustedRoots() {
        return dataDir.resolve("trusted-roots");
    }

    /**
     * Days passing: stops the portal, runs the statements on its database (as the days between would have
     * left it; the portal stamps today on what people do), and starts it again on the same port and data.
     * Everyone is logged out.
     */
    public void afterDaysPass(String... statements) throws Exception {
        stop();
        try (java.sql.Connection db = java.sql.DriverManager.getConnection(jdbcUrl(dataDir), "sa", "");
                java.sql.Statement sql = db.createStatement()) {
            for (String statement : statements) {
                if (sql.executeUpdate(statement) == 0) {
                    throw new AssertionError("Changed no row: " + statement);
                }
            }
        }
        run();
    }

    private void awaitLoginPage(Path log) throws Exception {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError(
                        "The portal stopped while starting (exit " + process.exitValue() + "); see " + log);
            }
            try {
                HttpResponse<Void> response = http.send(
                        HttpRequest.newBuilder(URI.create(baseUrl + "/login"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            process.waitFor(500, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
        throw new AssertionError("The portal did not serve /login within " + START_TIMEOUT + "; see " + log);
    }

    /** CPU time the portal's process has used so far. */
    public ProcessHandle process() {
        return process.toHandle();
    }

    private void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    @Override
    public void close() throws Exception {
        stop();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
