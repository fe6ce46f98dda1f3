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
    private final Process process;
    private final Path dataDir;

    private Portal(String baseUrl, Process process, Path dataDir) {
        this.baseUrl = baseUrl;
        this.process = process;
        this.dataDir = dataDir;
    }

    static Portal start(Path jar, Path log) throws Exception {
        return start(jar, log, "--portal.demo.workflow=false");
    }

    /** Also used by the load test, which wants the demo work in progress (--portal.demo.workflow=true). */
    public static Portal start(Path jar, Path log, String... arguments) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path dataDir = Files.createTempDirectory("portal-e2e-");
        Files.createDirectories(log.getParent());
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m",
                "-jar",
                jar.toString(),
                "--server.port=" + port,
                "--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("portal") + ";AUTO_SERVER=FALSE",
                "--portal.files.dir=" + dataDir.resolve("files")));
        command.addAll(List.of(arguments));
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        Portal portal = new Portal("http://localhost:" + port, process, dataDir);
        try {
            portal.awaitLoginPage(log);
        } catch (Exception | AssertionError e) {
            portal.close();
            throw e;
        }
        if (!Files.readString(log).contains("Vaadin is running in production mode")) {
            portal.close();
            throw new AssertionError("The portal at " + jar + " is not in Vaadin production mode; see " + log);
        }
        System.out.printf(
                "[e2e] Portal (production jar) up on port %d in %.1f s; its log: %s%n",
                port, (System.nanoTime() - started) / 1e9, log);
        return portal;
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

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
