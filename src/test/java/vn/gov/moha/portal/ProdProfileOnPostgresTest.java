package vn.gov.moha.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.server.VaadinServletContext;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.annotation.security.PermitAll;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.context.WebApplicationContext;
import vn.gov.moha.portal.security.FormLogin;

/**
 * The {@code prod} profile on a real PostgreSQL 17: the same Flyway migrations build the schema and
 * the reference data, no demo account is created, and without the first ADMIN's settings the portal
 * refuses to start and says what to set; a person never sees a stack trace or an exception's name,
 * and there is no H2 console.
 */
class ProdProfileOnPostgresTest {

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
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
                "--PORTAL_DB_USER=postgres",
                "--PORTAL_DB_PASSWORD=",
                "--server.port=0",
                "--vaadin.productionMode=false",
                "--spring.main.banner-mode=off"));
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
    void startsWithTheFirstAdminFromTheEnvironmentAndNoDemoAccounts() throws Exception {
        try (ConfigurableApplicationContext ctx = prod(
                "with_admin",
                "--PORTAL_ADMIN_USERNAME=Quantri",
                "--PORTAL_ADMIN_PASSWORD=mot-mat-khau-dai",
                "--PORTAL_ADMIN_EMAIL=quantri@noivu.gov.vn")) {
            JdbcTemplate db = new JdbcTemplate(ctx.getBean(javax.sql.DataSource.class));
            assertThat(db.queryForList("select username from app_user", String.class))
                    .containsExactly("quantri");
            assertThat(db.queryForList("select role from app_user_role", String.class))
                    .containsExactly("ADMIN");
            assertThat(db.queryForObject(
                            "select count(*) from priority_task where programme_year = 2024", Integer.class))
                    .isEqualTo(10);
            assertThat(db.queryForObject(
                            "select count(*) from org_unit where kind = 'PROVINCE' "
                                    + "and valid_from <= date '2024-12-31' and (valid_to is null or valid_to >= date '2024-12-31')",
                            Integer.class))
                    .isEqualTo(63);
            assertThat(db.queryForObject(
                            "select count(distinct coalesce(successor_id, id)) from org_unit "
                                    + "where kind = 'PROVINCE' and valid_from < date '2025-07-01'",
                            Integer.class))
                    .isEqualTo(34);
            assertThat(ctx.containsBean("h2Console")).isFalse();
            String hash = db.queryForObject("select password_hash from app_user", String.class);
            assertThat(hash).startsWith("{bcrypt}");
            noStackTraceReachesTheBrowserAndThereIsNoH2Console(ctx); // on the same server, one start less
            sessionCookieIsSecureBehindHttps(
                    Integer.parseInt(ctx.getEnvironment().getProperty("local.server.port")));
        }
    }

    /** A screen that fails while it is built, to see what a person is shown when that happens. */
    @PermitAll
    public static class FailingView extends Div {
        public FailingView() {
            throw new IllegalStateException("chi-tiet-noi-bo-khong-duoc-lo");
        }
    }

    /** A class name ending in Exception or Error, a stack frame, a source line, a nested cause. */
    private static final Pattern TRACE = Pattern.compile("([a-z][a-z0-9_]*\\.)+[A-Z]\\w*(Exception|Error)\\b"
            + "|\\bat [a-z][\\w$]*(\\.[\\w$<>]+)+\\(|\\.java:\\d+|Caused by|chi-tiet-noi-bo|\"trace\"|\"exception\"");

    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern CSRF_HEADER = Pattern.compile("<meta name=\"_csrf_header\" content=\"([^\"]+)\"");
    private static final Pattern UI_ID = Pattern.compile("\"v-uiId\"\\s*:\\s*(\\d+)");

    /**
     * Error answers of the prod profile, anonymous and as ADMIN: the H2 console, malformed addresses,
     * an unknown address, an id too big for a number, a screen that throws, malformed Vaadin requests.
     */
    private static void noStackTraceReachesTheBrowserAndThereIsNoH2Console(ConfigurableApplicationContext ctx)
            throws Exception {
        assertThat(ctx.getEnvironment().getProperty("server.error.include-stacktrace"))
                .isEqualTo("never");
        assertThat(ctx.getEnvironment().getProperty("server.error.include-message"))
                .isEqualTo("never");
        assertThat(ctx.getEnvironment().getProperty("spring.h2.console.enabled"))
                .isEqualTo("false");
        ApplicationRouteRegistry.getInstance(
                        new VaadinServletContext(((WebApplicationContext) ctx).getServletContext()))
                .setRoute("thu-loi", FailingView.class, List.of());
        int port = Integer.parseInt(ctx.getEnvironment().getProperty("local.server.port"));
        String base = "http://localhost:" + port;
        FormLogin anonymous = new FormLogin(port);
        Map<String, Answer> answers = new LinkedHashMap<>();

        answers.put("GET /h2-console (anonymous)", Answer.of(anonymous.get("/h2-console")));
        answers.put("GET /h2-console/login.do (anonymous)", Answer.of(anonymous.get("/h2-console/login.do")));
        answers.put("GET /%zz (bad escape, raw HTTP)", raw(port, "GET /%zz HTTP/1.1"));
        answers.put("GET /../../etc/passwd (raw HTTP)", raw(port, "GET /../../etc/passwd HTTP/1.1"));
        answers.put(
                "GET /VAADIN/..%2f..%2fWEB-INF (raw HTTP)",
                raw(port, "GET /VAADIN/..%2f..%2fWEB-INF/web.xml HTTP/1.1"));
        answers.put("GET /error", Answer.of(anonymous.get("/error")));
        FormLogin browser = new FormLogin(port);
        assertThat(browser.login("quantri", "mot-mat-khau-dai")).isEqualTo("/");
        answers.put("GET /h2-console (ADMIN)", Answer.of(browser.get("/h2-console")));
        String html = browser.get("/").body();
        String[] csrf = {find(CSRF_HEADER, html), find(CSRF, html)};
        answers.put("open an unknown address", navigate(browser, csrf, "khong-co-trang-nay"));
        answers.put("open an id too big for a number", navigate(browser, csrf, "tasks/99999999999999999999"));
        Answer failing = navigate(browser, csrf, "thu-loi");
        answers.put("open a screen that throws", failing);
        String uiId = find(UI_ID, browser.get("/?v-r=init&location=&query=").body());
        answers.put(
                "UIDL: not JSON",
                Answer.of(post(browser, base + "/?v-r=uidl&v-uiId=" + uiId, csrf, "{khong phai json")));
        answers.put(
                "UIDL: unknown UI",
                Answer.of(post(
                        browser,
                        base + "/?v-r=uidl&v-uiId=987654",
                        csrf,
                        "{\"csrfToken\":\"x\",\"rpc\":[],\"syncId\":0,\"clientId\":0}")));
        answers.put(
                "UIDL: wrong security key",
                Answer.of(post(
                        browser,
                        base + "/?v-r=uidl&v-uiId=" + uiId,
                        csrf,
                        "{\"csrfToken\":\"gia-mao\",\"rpc\":[{\"type\":\"event\",\"node\":1,\"event\":\"click\"}],"
                                + "\"syncId\":1,\"clientId\":0}")));
        answers.put("UIDL: GET instead of POST", Answer.of(browser.get("/?v-r=uidl&v-uiId=" + uiId)));
        answers.put("unknown request type", Answer.of(browser.get("/?v-r=khong-co&v-uiId=" + uiId)));
        answers.put("GET /error (ADMIN)", Answer.of(browser.get("/error")));

        List<String> leaks = new ArrayList<>();
        answers.forEach((what, answer) -> {
            // in development mode (these tests: no production bundle) Vaadin names each component's Java
            // class ("jc") for its dev tools, an error page's too; production mode sends no such names
            String shown = answer.body().replaceAll("\"jc\",\"feat\":0,\"value\":\"[\\w.$]+\"", "");
            Matcher trace = TRACE.matcher(shown);
            System.out.printf(
                    "prod profile: %-44s -> %d %s%n",
                    what,
                    answer.status(),
                    trace.find() ? "SHOWS " + trace.group() : "no stack trace, no exception name");
            if (TRACE.matcher(shown).find()) {
                leaks.add(what + ": " + answer.body());
            }
        });
        assertThat(leaks).as("answers showing a stack trace or an exception").isEmpty();
        assertThat(unescape(failing.body()))
                .as("the failing screen shows the portal's own message")
                .contains("Đã có lỗi xảy ra")
                .contains("mã tra cứu");
        for (String path : List.of("GET /h2-console (anonymous)", "GET /h2-console/login.do (anonymous)")) {
            assertThat(answers.get(path).status()).as(path).isEqualTo(302);
            assertThat(answers.get(path).location()).as(path).endsWith("/login");
        }
        assertThat(answers.get("GET /h2-console (ADMIN)").body())
                .doesNotContainIgnoringCase("h2 console")
                .doesNotContain("JDBC URL");
        System.out.printf(
                "prod profile: %d error answers checked, stack traces shown = %d%n", answers.size(), leaks.size());
    }

    /**
     * The session cookie is HttpOnly always, and Secure when the page came over HTTPS: behind a proxy
     * that ends TLS and says so in X-Forwarded-Proto (server.forward-headers-strategy=native in prod).
     */
    private static void sessionCookieIsSecureBehindHttps(int port) throws Exception {
        Pattern cookie = Pattern.compile("(?im)^Set-Cookie: (JSESSIONID=.*)$");
        String plain = find(cookie, raw(port, "GET /login HTTP/1.1").body());
        String https = find(
                cookie,
                raw(port, "GET /login HTTP/1.1\r\nX-Forwarded-Proto: https").body());
        System.out.printf("prod profile: session cookie over http:  %s%n", plain.strip());
        System.out.printf("prod profile: session cookie over https: %s%n", https.strip());
        assertThat(plain).containsIgnoringCase("HttpOnly").doesNotContainIgnoringCase("Secure");
        assertThat(https).containsIgnoringCase("HttpOnly").containsIgnoringCase("Secure");
    }

    private static final Pattern UI_KEY = Pattern.compile("\"Vaadin-Security-Key\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern SYNC_ID = Pattern.compile("\"syncId\"\\s*:\\s*(\\d+)");

    /** Opens a page and goes to the address as Vaadin's client does: the init request, then a "ui-navigate" event. */
    private static Answer navigate(FormLogin browser, String[] csrf, String route) throws Exception {
        String init = browser.get("/?v-r=init&location=&query=").body();
        String event = "{\"type\":\"event\",\"node\":1,\"event\":\"ui-navigate\",\"data\":{\"route\":\"" + route
                + "\",\"query\":\"\",\"appShellTitle\":\"\",\"historyState\":{\"idx\":0},\"trigger\":\"\"}}";
        return Answer.of(post(
                browser,
                browser.base() + "/?v-r=uidl&v-uiId=" + find(UI_ID, init),
                csrf,
                "{\"csrfToken\":\"" + find(UI_KEY, init) + "\",\"rpc\":[" + event + "],\"syncId\":"
                        + find(SYNC_ID, init) + ",\"clientId\":0}"));
    }

    /** JSON text with its \\uXXXX escapes written out. */
    private static String unescape(String json) {
        Matcher m = Pattern.compile("\\\\u([0-9a-fA-F]{4})").matcher(json);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 16))));
        }
        return m.appendTail(out).toString();
    }

    private static String find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        assertThat(m.find())
                .as("%s in %s", pattern, text.substring(0, Math.min(300, text.length())))
                .isTrue();
        return m.group(1);
    }

    /** What the browser got: status, where it is sent next, and the body. */
    private record Answer(int status, String location, String body) {
        static Answer of(HttpResponse<String> r) {
            return new Answer(r.statusCode(), r.headers().firstValue("Location").orElse(""), r.body());
        }
    }

    /** A request line no HTTP library would send, written to the socket as it is. */
    private static Answer raw(int port, String requestLine) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.getOutputStream()
                    .write((requestLine + "\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            String all = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            int status = Integer.parseInt(all.substring(9, 12));
            Matcher location = Pattern.compile("(?im)^Location: (.*)$").matcher(all);
            return new Answer(status, location.find() ? location.group(1).strip() : "", all);
        }
    }

    private static HttpResponse<String> post(FormLogin browser, String url, String[] csrf, String body)
            throws Exception {
        return browser.browser.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header(csrf[0], csrf[1])
                        .header("Content-Type", "application/json; charset=UTF-8")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
