package vn.gov.moha.portal.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.exitBlockOnFail;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.currentLocation;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.FeederBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.stream.Stream;
import vn.gov.moha.portal.e2e.Portal;

/**
 * The portal under load over Vaadin's own protocol (see {@link VaadinUi}), each virtual user one
 * person: logs in through the login form, then works as that person would, with think time. The mix:
 * 70 % unit staff (of whom three in four officers: my work, open an assignment, write and submit a
 * report; one in four heads: my work, open the report waiting, approve), 20 % managers (assignments
 * list, my work, approve), 10 % leaders (dashboard, matrix drill-down, my work, approve). Ramps to
 * {@code load.users} in {@code load.ramp} seconds and holds {@code load.hold} seconds. Against the
 * production jar {@code portal.e2e.jar}, started here with the demo data, or a portal already
 * running at {@code portal.load.url}. Any failed request fails the run (Gatling assertion).
 */
public class PortalSimulation extends Simulation {

    private static final int USERS = Integer.getInteger("load.users", 4);
    private static final int RAMP = Integer.getInteger("load.ramp", 10);
    private static final int HOLD = Integer.getInteger("load.hold", 45);
    private static final String PASSWORD = System.getProperty("load.password", "Demo@2024");
    /**
     * A node is stopped during the run (scripts/two-nodes.sh failover): a request answered for a session
     * its node took with it (sessionExpired, the login page, the proxy's 502) is not an error; the user
     * logs in again and carries on. Without it, any such answer fails the run, as before.
     */
    private static final boolean FAILOVER = Boolean.getBoolean("load.failover");
    /** Where every action confirmed to a user is written, one line each (empty: nowhere). */
    private static final String ACTIONS = System.getProperty("load.actions", "");

    /** Demo accounts (DemoData, DemoWorkflow): the unit officers and heads that exist on a demo start. */
    private static final List<String> UNITS = List.of(
            "lamdong",
            "hanoi",
            "danang",
            "hagiang",
            "tcbc",
            "cchc",
            "snv04",
            "snv10",
            "snv11",
            "snv12",
            "snv14",
            "snv19",
            "snv25",
            "snv31",
            "snv38",
            "snv40",
            "snv42",
            "snv45",
            "snv46-25",
            "snv51",
            "snv56",
            "snv64",
            "snv75",
            "snv86",
            "snv89",
            "snv92",
            "snv96");

    private static final List<String> MANAGERS = List.of("quanly", "quanly.cchc", "quanly.cqdp");
    private static final List<String> LEADERS = List.of("lanhdao", "lanhdao2");

    // what the virtual users got done, printed at the end
    private static final LongAdder SUBMITTED = new LongAdder();
    private static final LongAdder APPROVED = new LongAdder();
    private static final LongAdder CONFLICTS = new LongAdder();
    private static final LongAdder NOTHING_WAITING = new LongAdder();
    private static final LongAdder SESSIONS_LOST = new LongAdder();
    private static final LongAdder RELOGINS = new LongAdder();
    private static final LongAdder CONFIRMED = new LongAdder();

    private final Portal portal;
    private final String baseUrl;
    /** The portal's process, for its CPU time: the one started here, or {@code portal.load.pid}. */
    private final ProcessHandle portalProcess;

    private volatile long endMillis = Long.MAX_VALUE;
    private long startNanos;
    private Duration portalCpuBefore;
    private long[] machineBefore;

    public PortalSimulation() throws Exception {
        String url = System.getProperty("portal.load.url", "");
        if (url.isBlank()) {
            Path jar = Path.of(System.getProperty("portal.e2e.jar", "target/e2e-build/moha-portal-0.1.0-SNAPSHOT.jar"));
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(
                        "No production jar at " + jar + ": mvn verify (or -Pload verify) builds it");
            }
            Path log = Path.of(System.getProperty("portal.load.log", "target/load-portal.log"));
            portal = Portal.start(jar, log, "--portal.demo.workflow=true");
            // the demo is made before the first page is served (StartupSteps): nobody logs in half way through it
            if (!Files.readString(log).contains("Created demo assignments, reports and an extension request")) {
                portal.close();
                throw new IllegalStateException(
                        "The portal served /login before its demo data was complete; see " + log);
            }
            baseUrl = portal.baseUrl;
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> { // also when the run crashes
                                try {
                                    portal.close();
                                } catch (Exception ignored) {
                                    // stopping anyway
                                }
                            }));
            portalProcess = portal.process();
        } else {
            portal = null;
            baseUrl = url.replaceAll("/$", "");
            Long pid = Long.getLong("portal.load.pid");
            portalProcess = pid == null ? null : ProcessHandle.of(pid).orElse(null);
        }

        HttpProtocolBuilder protocol = http.baseUrl(baseUrl)
                .acceptLanguageHeader("vi-VN,vi;q=0.9")
                .acceptEncodingHeader("gzip, deflate")
                .userAgentHeader("Mozilla/5.0 (X11; Linux x86_64) PortalLoadTest Chrome/142.0.0.0");

        int leaders = Math.max(1, Math.round(USERS * 0.10f));
        int managers = Math.max(1, Math.round(USERS * 0.20f));
        int heads = Math.max(1, Math.round(USERS * 0.175f));
        int officers = Math.max(1, USERS - leaders - managers - heads);
        System.out.printf(
                "[load] %s: %d users (%d officers, %d unit heads, %d managers, %d leaders), ramp %d s, "
                        + "hold %d s%n",
                baseUrl, officers + heads + managers + leaders, officers, heads, managers, leaders, RAMP, HOLD);

        List<PopulationBuilder> populations = new ArrayList<>();
        populations.add(person("unit officers", accounts(UNITS, ".cv"), officerWork())
                .injectOpen(rampUsers(officers).during(RAMP)));
        populations.add(person("unit heads", accounts(UNITS, ".truong"), exec(pages("assignments"), approveWaiting()))
                .injectOpen(rampUsers(heads).during(RAMP)));
        populations.add(person("managers", accounts(MANAGERS, ""), exec(pages("assignments"), approveWaiting()))
                .injectOpen(rampUsers(managers).during(RAMP)));
        populations.add(person("leaders", accounts(LEADERS, ""), exec(dashboard(), approveWaiting()))
                .injectOpen(rampUsers(leaders).during(RAMP)));
        setUp(populations)
                .protocols(protocol)
                .maxDuration(Duration.ofSeconds(RAMP + HOLD + 120))
                .assertions(global().failedRequests().count().is(0L));
    }

    private static FeederBuilder<Object> accounts(List<String> names, String suffix) {
        List<Map<String, Object>> rows = names.stream()
                .map(n -> Map.<String, Object>of("username", n + suffix))
                .toList();
        return listFeeder(rows).circular();
    }

    /**
     * A person: logs in once, repeats their work until the end of the hold, then logs out with the button
     * at the foot of the menu (which ends the HTTP session, so a following run starts with none).
     */
    private ScenarioBuilder person(String who, FeederBuilder<Object> accounts, ChainBuilder work) {
        return scenario(who)
                .feed(accounts)
                .exec(login())
                .exitHereIfFailed()
                .asLongAs(s -> System.currentTimeMillis() < endMillis)
                .on(exitBlockOnFail().on(exec(work).doIf(s -> ui(s).lost).then(relogin())))
                .exec(logout());
    }

    /** Its node stopped, the user logs in again (on the other node, which nginx now chooses). */
    private static ChainBuilder relogin() {
        return exec(login()).exec(s -> {
            if (!s.isFailed() && !ui(s).lost) {
                RELOGINS.increment();
            }
            return s;
        });
    }

    // ---------------------------------------------------------------- the steps

    private static final Duration PAGE_MIN = Duration.ofSeconds(2);
    private static final Duration PAGE_MAX = Duration.ofSeconds(5);
    private static final Duration ACTION_MIN = Duration.ofMillis(500);
    private static final Duration ACTION_MAX = Duration.ofMillis(2000);

    private static ChainBuilder betweenPages() {
        return pause(PAGE_MIN, PAGE_MAX);
    }

    private static ChainBuilder betweenActions() {
        return pause(ACTION_MIN, ACTION_MAX);
    }

    /**
     * The login form (Spring Security: the form's _csrf from the page's meta tag), then the page the
     * browser lands on: Vaadin's init request and the first navigation, as Chromium does them.
     */
    private static ChainBuilder login() {
        return exec(s -> s.set("clock", new long[1]))
                .exec(timed(http("login page").get("/login"))
                        .check(measured(
                                "login page",
                                (body, s) -> body.contains("name=\"_csrf\"") ? "ok" : "no _csrf on the login page"))
                        .check(css("meta[name='_csrf']", "content").saveAs("csrf")))
                .exec(betweenActions())
                .exec(timed(http("login form").post("/login"))
                        .formParam("_csrf", "#{csrf}")
                        .formParam("username", "#{username}")
                        .formParam("password", PASSWORD)
                        .check(
                                status().transform(RequestStats::status),
                                currentLocation()
                                        .transformWithSession((l, s) -> RequestStats.record(
                                                "login form",
                                                started(s),
                                                l.contains("/login") ? "login refused: " + l : "ok"))
                                        .is("ok")))
                .exec(timed(http("init").get("/?v-r=init&location=&query="))
                        .check(measured("init", (body, s) -> {
                            VaadinUi.init(body);
                            return "ok";
                        }))
                        .check(bodyString().transform(VaadinUi::init).saveAs("ui")))
                .exec(uidl("page: home", s -> List.of(VaadinUi.navigate("/")), null))
                .exec(betweenPages());
    }

    /** Navigates to a page of the side menu, expecting a component with this id. */
    private static ChainBuilder pages(String route) {
        return exec(uidl("page: " + route, s -> List.of(VaadinUi.navigate(route)), id(route + "-grid")))
                .exec(betweenPages());
    }

    /** Việc cần xử lý; an assignment to report on; its new report written and submitted. */
    private static ChainBuilder officerWork() {
        ChainBuilder write = exec(uidl(
                        "page: assignment",
                        s -> List.of(VaadinUi.navigate(s.getString("route"))),
                        (ui, body) -> !ui.has("assignment-view")
                                ? "no assignment-view"
                                : ui.has("assignment-write-report") ? null : "CONFLICT"))
                .doIf(PortalSimulation::ok)
                .then(exec(betweenActions())
                        .exec(uidl(
                                "action: new report",
                                s -> List.of(ui(s).click("assignment-write-report")),
                                // a colleague on the same account started a report since the page was opened
                                (ui, body) -> ui.has("report-submit")
                                        ? null
                                        : ui.has("report-cannot-start") ? "CONFLICT" : "no component report-submit")));
        ChainBuilder fix = exec(uidl(
                "action: open returned report", s -> List.of(ui(s).click(s.getString("item"))), id("report-submit")));
        ChainBuilder fill = exec(s -> s.set("indicators", ui(s).ids("report-indicator-")))
                .exec(betweenActions())
                .exec(uidl(
                        "field: percent",
                        s -> ui(s).type(
                                        "report-percent",
                                        String.valueOf(
                                                ThreadLocalRandom.current().nextInt(10, 100)),
                                        "change"),
                        null))
                .exec(betweenActions())
                .exec(uidl("field: confidence", s -> ui(s).type("report-confidence", "1", "value-changed"), null))
                .exec(betweenActions())
                .exec(uidl(
                        "field: narrative",
                        s -> ui(s).type(
                                        "report-narrative",
                                        "Kiểm thử tải: đã rà soát, tổng hợp số liệu của các sở, ngành; tiến độ đạt kế hoạch.",
                                        "change"),
                        null))
                .foreach(s -> s.getList("indicators"), "indicator")
                .on(exec(betweenActions())
                        .exec(uidl(
                                "field: indicator",
                                s -> ui(s).type(
                                                s.getString("indicator"),
                                                String.valueOf(ThreadLocalRandom.current()
                                                        .nextInt(1, 500)),
                                                "change"),
                                null)))
                .exec(betweenActions())
                .exec(uidl("action: submit report", s -> List.of(ui(s).click("report-submit")), text("Đã gửi báo cáo")))
                .exec(s -> {
                    String item = s.getString("item");
                    return confirmed(
                            count(s, SUBMITTED),
                            item.startsWith("mywork-write-report-")
                                    ? "SUBMIT_NEW " + item.substring("mywork-write-report-".length())
                                    : "SUBMIT_RETURNED " + item.substring("mywork-fix-report-".length()));
                });
        return exec(myWork())
                .exec(s -> {
                    VaadinUi ui = ui(s);
                    String item = ui.anyId("mywork-write-report-");
                    if (item != null) {
                        return s.set("item", item)
                                .set("route", "assignments/" + item.substring("mywork-write-report-".length()));
                    }
                    return s.set("item", ui.anyId("mywork-fix-report-")).remove("route");
                })
                .doIfOrElse(s -> s.getString("item") != null)
                .then(exec(betweenActions())
                        .doIfOrElse(s -> s.contains("route"))
                        .then(write)
                        .orElse(fix)
                        .doIf(PortalSimulation::ok)
                        .then(fill))
                .orElse(exec(s -> count(s, NOTHING_WAITING)).exec(pages("assignments")))
                .exec(betweenPages());
    }

    private static ChainBuilder myWork() {
        return exec(uidl("page: my work", s -> List.of(VaadinUi.navigate("my-work")), id("mywork-items")));
    }

    /** Việc cần xử lý; a report waiting for this person opened, read and approved (if any waits). */
    private static ChainBuilder approveWaiting() {
        return exec(myWork())
                .exec(s -> s.set("item", ui(s).anyId("mywork-approve-report-")))
                .doIfOrElse(s -> s.getString("item") != null)
                .then(exec(betweenActions())
                        .exec(uidl(
                                "action: open report to approve",
                                s -> List.of(ui(s).click(s.getString("item"))),
                                (ui, body) -> ui.has("report-approve")
                                        ? null
                                        : body.contains("report-view") ? "CONFLICT" : "no report-approve"))
                        .doIf(PortalSimulation::ok)
                        .then(exec(pause(PAGE_MIN, PAGE_MAX))
                                .exec(uidl(
                                        "field: comment", s -> ui(s).type("report-comment", "Đồng ý.", "change"), null))
                                .exec(betweenActions())
                                .exec(uidl(
                                        "action: approve",
                                        s -> List.of(ui(s).click("report-approve")),
                                        text("Đã duyệt")))
                                .exec(s -> confirmed(
                                        count(s, APPROVED),
                                        "APPROVE "
                                                + s.getString("item").substring("mywork-approve-report-".length())))))
                .orElse(exec(s -> count(s, NOTHING_WAITING)))
                .exec(betweenPages());
    }

    /** The dashboard, then a drill-down from a matrix cell to its assignment (a router link). */
    private static ChainBuilder dashboard() {
        return exec(uidl("page: dashboard", s -> List.of(VaadinUi.navigate("dashboard")), id("dashboard-matrix")))
                .exec(s -> s.set("route", ui(s).anyLink("assignments/")))
                .exec(betweenPages())
                .doIf(s -> s.getString("route") != null)
                .then(exec(uidl(
                                "page: matrix drill-down",
                                s -> List.of(VaadinUi.navigate(s.getString("route"))),
                                id("assignment-view")))
                        .exec(betweenPages()));
    }

    // ---------------------------------------------------------------- protocol helpers

    private static VaadinUi ui(Session s) {
        return s.get("ui");
    }

    private static boolean ok(Session s) {
        return !s.isFailed() && ui(s).lastOutcome == VaadinUi.Outcome.OK;
    }

    private static Session count(Session s, LongAdder counter) {
        if (ok(s)) {
            counter.increment();
        }
        return s;
    }

    /** An action the portal confirmed to the user ("Đã gửi báo cáo", "Đã duyệt"), written to load.actions. */
    private static Session confirmed(Session s, String action) {
        if (ok(s)) {
            CONFIRMED.increment();
            if (!ACTIONS.isBlank()) {
                synchronized (PortalSimulation.class) {
                    try {
                        Files.writeString(
                                Path.of(ACTIONS),
                                action + " " + s.getString("username") + "\n",
                                java.nio.charset.StandardCharsets.UTF_8,
                                java.nio.file.StandardOpenOption.CREATE,
                                java.nio.file.StandardOpenOption.APPEND);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            }
        }
        return s;
    }

    /**
     * One UIDL request: the RPC invocations built against this virtual user's page, its answer checked.
     * Not sent once the session is lost (load.failover): the user logs in again after this round of work.
     */
    private static ChainBuilder uidl(
            String name, Function<Session, List<ObjectNode>> rpc, VaadinUi.Expectation expectation) {
        return doIf(s -> !ui(s).lost).then(exec(uidlRequest(name, rpc).check(measured(name, (body, s) -> {
            if (FAILOVER && ui(s).lostSession(RequestStats.currentStatus(), body)) {
                SESSIONS_LOST.increment();
                return RequestStats.LOST;
            }
            String result = ui(s).accept(body, expectation);
            if (ui(s).lastOutcome == VaadinUi.Outcome.CONFLICT) {
                CONFLICTS.increment();
                if (CONFLICTS.sum() <= 10) {
                    System.out.println(
                            "[load] conflict (" + s.getString("username") + ", " + name + "): " + ui(s).conflict);
                }
            }
            return result;
        }))));
    }

    private static io.gatling.javaapi.http.HttpRequestActionBuilder uidlRequest(
            String name, Function<Session, List<ObjectNode>> rpc) {
        return timed(http(name).post(s -> "/?v-r=uidl&v-uiId=" + ui(s).uiId))
                .header("Content-Type", "application/json; charset=UTF-8")
                .body(StringBody(s -> ui(s).message(rpc.apply(s))));
    }

    /** "Đăng xuất" at the foot of the menu: the portal ends the session and sends the browser to the login page. */
    private static ChainBuilder logout() {
        return doIf(s -> !ui(s).lost)
                .then(exec(uidlRequest("logout", s -> List.of(ui(s).click("logout")))
                        .check(measured(
                                "logout",
                                (body, s) -> body != null && body.contains("\"sessionExpired\":true")
                                        ? "ok"
                                        : "the session did not end: " + body))));
    }

    /** Notes when the request is built (just before it is sent) in the virtual user's clock. */
    private static io.gatling.javaapi.http.HttpRequestActionBuilder timed(
            io.gatling.javaapi.http.HttpRequestActionBuilder request) {
        return request.header("X-Load-Test", s -> {
            ((long[]) s.get("clock"))[0] = System.nanoTime();
            return "1";
        });
    }

    private static long started(Session s) {
        return ((long[]) s.get("clock"))[0];
    }

    /**
     * The checks of every request: its status and round trip, then what its answer must show, all
     * recorded per request kind ({@link RequestStats}); fails the request unless the answer is "ok".
     */
    private static io.gatling.javaapi.core.CheckBuilder[] measured(
            String name, java.util.function.BiFunction<String, Session, String> answer) {
        return new io.gatling.javaapi.core.CheckBuilder[] {
            status().transform(RequestStats::status),
            bodyString()
                    .transformWithSession((body, s) -> {
                        String problem;
                        try {
                            problem = answer.apply(body, s);
                        } catch (RuntimeException e) {
                            problem = e.getMessage();
                        }
                        return RequestStats.record(name, started(s), problem);
                    })
                    .is("ok")
        };
    }

    private static VaadinUi.Expectation id(String id) {
        return (ui, body) -> ui.has(id) ? null : "no component " + id + " in the answer";
    }

    private static VaadinUi.Expectation text(String text) {
        return (ui, body) -> body.contains(text)
                ? null
                : "no \"" + text + "\" in the answer; texts shown: "
                        + TEXT_NODE
                                .matcher(body)
                                .results()
                                .map(m -> m.group(1))
                                .limit(5)
                                .toList();
    }

    /** A text node's content in a UIDL answer: what the page shows instead, to say why an expected text is missing. */
    private static final java.util.regex.Pattern TEXT_NODE =
            java.util.regex.Pattern.compile("\"key\":\"text\",\"feat\":\\d+,\"value\":\"([^\"]{3,200})\"");

    // ---------------------------------------------------------------- before and after: CPU

    @Override
    public void before() {
        endMillis = System.currentTimeMillis() + (RAMP + HOLD) * 1000L;
        startNanos = System.nanoTime();
        RequestStats.hold(startNanos + RAMP * 1_000_000_000L, startNanos + (RAMP + HOLD) * 1_000_000_000L);
        portalCpuBefore = cpuTime(portalProcess);
        machineBefore = procStat();
        if (portalProcess != null) {
            everyMinute();
        }
    }

    /**
     * Prints, each minute of the run, the requests answered and the portal's CPU time in that minute: how a
     * fresh JVM warms up (issue 20, point 3), minute by minute, against the later minutes of the same run.
     */
    private void everyMinute() {
        Thread clock = new Thread(
                () -> {
                    Duration cpuBefore = portalCpuBefore;
                    int requestsBefore = 0;
                    for (int minute = 1; ; minute++) {
                        try {
                            Thread.sleep(60_000);
                        } catch (InterruptedException e) {
                            return;
                        }
                        Duration cpu = cpuTime(portalProcess);
                        int requests = RequestStats.total();
                        long cpuMillis = cpu.minus(cpuBefore).toMillis();
                        int answered = requests - requestsBefore;
                        System.out.printf(
                                "[load] minute %d: %d requests, portal CPU %.1f s, %.1f ms per request%n",
                                minute,
                                answered,
                                cpuMillis / 1000.0,
                                answered == 0 ? 0.0 : (double) cpuMillis / answered);
                        cpuBefore = cpu;
                        requestsBefore = requests;
                    }
                },
                "minute-by-minute");
        clock.setDaemon(true);
        clock.start();
    }

    @Override
    public void after() {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        long[] machineAfter = procStat();
        System.out.println(
                "[load] ---- " + baseUrl + ", " + USERS + " users, " + String.format("%.0f", seconds) + " s ----");
        System.out.printf(
                "[load] reports submitted %d, approvals %d, nothing waiting %d, conflicts between virtual "
                        + "users sharing an account %d%n",
                SUBMITTED.sum(), APPROVED.sum(), NOTHING_WAITING.sum(), CONFLICTS.sum());
        if (FAILOVER) {
            System.out.printf(
                    "[load] failover: sessions lost with the stopped node %d, users logged in again on the "
                            + "other node %d, actions confirmed to users %d%s%n",
                    SESSIONS_LOST.sum(),
                    RELOGINS.sum(),
                    CONFIRMED.sum(),
                    ACTIONS.isBlank() ? "" : " (" + ACTIONS + ")");
        }
        if (portalProcess != null) {
            double cpu = cpuTime(portalProcess).minus(portalCpuBefore).toMillis() / 1000.0;
            System.out.printf(
                    "[load] portal process CPU: %.1f s in %.0f s = %.2f cores (%.0f %% of %d cores)%n",
                    cpu,
                    seconds,
                    cpu / seconds,
                    100 * cpu / seconds / Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().availableProcessors());
        }
        if (machineBefore != null && machineAfter != null) {
            long total = machineAfter[0] - machineBefore[0];
            long idle = machineAfter[1] - machineBefore[1];
            System.out.printf(
                    "[load] whole machine CPU (/proc/stat, load generator and other work included): "
                            + "%.0f %% busy%n",
                    total == 0 ? 0.0 : 100.0 * (total - idle) / total);
        }
        RequestStats.print(seconds);
        if (portal != null) {
            try {
                portal.close();
            } catch (Exception e) {
                System.out.println("[load] could not stop the portal: " + e);
            }
        }
    }

    private static Duration cpuTime(ProcessHandle process) {
        return process == null ? null : process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** Total and idle (idle + iowait) jiffies of the machine, or null where there is no /proc/stat. */
    private static long[] procStat() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/stat"))) {
            String cpu = lines.filter(l -> l.startsWith("cpu ")).findFirst().orElse(null);
            if (cpu == null) {
                return null;
            }
            String[] f = cpu.trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length; i++) {
                total += Long.parseLong(f[i]);
            }
            return new long[] {total, Long.parseLong(f[4]) + Long.parseLong(f[5])};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
