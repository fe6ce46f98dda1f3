package vn.gov.moha.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.catalina.Context;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import vn.gov.moha.portal.PortalTest;

/**
 * An open tab does not keep a session alive: Vaadin's heartbeats (sent every few minutes while a
 * tab is open) are not activity, so the session, and the login with it, ends after the idle limit
 * however many heartbeats arrive. Real HTTP as a browser sends it: the login form, the page,
 * Vaadin's init request, one round trip of the UI (the person's last action), then heartbeats only.
 * The test shortens its own session's idle limit to {@value #IDLE_SECONDS} seconds (the setting,
 * {@code server.servlet.session.timeout}, is whole minutes). Also: the login gives a new session id.
 */
@PortalTest
class IdleSessionTest {

    static final int IDLE_SECONDS = 3;
    private static final Pattern UI_ID = Pattern.compile("\"v-uiId\"\\s*:\\s*(\\d+)");
    private static final Pattern UI_KEY = Pattern.compile("\"Vaadin-Security-Key\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern SYNC_ID = Pattern.compile("\"syncId\"\\s*:\\s*(\\d+)");
    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern CSRF_HEADER = Pattern.compile("<meta name=\"_csrf_header\" content=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    ServletWebServerApplicationContext server;

    /** The same as the timeout setting, for one live session only, on the server's own session object. */
    private void shortenIdleLimit(String sessionId) throws java.io.IOException {
        Context context = (Context)
                ((TomcatWebServer) server.getWebServer()).getTomcat().getHost().findChildren()[0];
        context.getManager().findSession(sessionId).setMaxInactiveInterval(IDLE_SECONDS);
    }

    private static String sessionId(FormLogin browser) {
        return ((CookieManager) browser.browser.cookieHandler().orElseThrow())
                .getCookieStore().getCookies().stream()
                        .filter(c -> c.getName().equals("JSESSIONID"))
                        .map(HttpCookie::getValue)
                        .findFirst()
                        .orElse(null);
    }

    private static String find(Pattern pattern, String text, String what) {
        Matcher m = pattern.matcher(text);
        assertThat(m.find())
                .as("%s in %s", what, text.substring(0, Math.min(300, text.length())))
                .isTrue();
        return m.group(1);
    }

    /** A POST to Vaadin as its client sends it, with the page's CSRF header. */
    private HttpResponse<String> post(FormLogin browser, String query, String[] csrf, String json) throws Exception {
        return browser.browser.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/?" + query))
                        .header(csrf[0], csrf[1])
                        .header("Content-Type", "application/json; charset=UTF-8")
                        .POST(
                                json == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void loginGivesANewSessionId() throws Exception {
        FormLogin browser = new FormLogin(port);
        browser.get("/login");
        String before = sessionId(browser);
        assertThat(browser.login("hanoi.cv", "Demo@2024")).isEqualTo("/");
        String after = sessionId(browser);
        System.out.printf(
                "Session fixation: session id before login %s..., after login %s...%n", prefix(before), prefix(after));
        assertThat(before).isNotNull();
        assertThat(after).isNotNull().isNotEqualTo(before);
    }

    @Test
    void heartbeatsDoNotKeepAnIdleSessionAlive() throws Exception {
        FormLogin browser = new FormLogin(port);
        assertThat(browser.login("hanoi.cv", "Demo@2024")).isEqualTo("/");
        String loggedIn = sessionId(browser);
        String html = browser.get("/").body();
        String[] csrf = {find(CSRF_HEADER, html, "CSRF header name"), find(CSRF, html, "CSRF token")};
        String init = browser.get("/?v-r=init&location=&query=").body();
        String uiId = find(UI_ID, init, "UI id");
        String uiKey = find(UI_KEY, init, "UI security key");
        String syncId = find(SYNC_ID, init, "sync id");
        shortenIdleLimit(loggedIn);

        // the person's last action: one round trip of the UI, the clock of the idle limit starts here
        HttpResponse<String> lastAction = post(
                browser,
                "v-r=uidl&v-uiId=" + uiId,
                csrf,
                "{\"csrfToken\":\"" + uiKey + "\",\"rpc\":[],\"syncId\":" + syncId + ",\"clientId\":0}");
        long idleSince = System.nanoTime();
        assertThat(lastAction.statusCode())
                .as("the UI round trip: %s", lastAction.body())
                .isEqualTo(200);

        int sent = 0;
        int accepted = 0;
        long longestGapMillis = 0;
        long last = System.nanoTime();
        long deadline = idleSince + (IDLE_SECONDS + 30) * 1_000_000_000L;
        HttpResponse<String> answer;
        do {
            Thread.sleep(250); // the tab stays open: a heartbeat four times a second, far more often than the limit
            answer = post(browser, "v-r=heartbeat&v-uiId=" + uiId, csrf, null);
            long now = System.nanoTime();
            longestGapMillis = Math.max(longestGapMillis, (now - last) / 1_000_000);
            last = now;
            sent++;
            if (answer.statusCode() == 200) {
                accepted++;
                assertThat(sessionId(browser))
                        .as("heartbeats of the logged-in session")
                        .isEqualTo(loggedIn);
            }
        } while (answer.statusCode() == 200 && System.nanoTime() < deadline);
        double endedAfter = (System.nanoTime() - idleSince) / 1e9;
        HttpResponse<String> page = browser.get("/");
        System.out.printf(
                "Idle session: limit %d s; after the last UI action %d heartbeats sent (longest gap %d ms), "
                        + "%d accepted; session over %.1f s after the last action: next heartbeat -> %d %s, "
                        + "page -> %d %s%n",
                IDLE_SECONDS,
                sent,
                longestGapMillis,
                accepted,
                endedAfter,
                answer.statusCode(),
                answer.headers().firstValue("Location").orElse(""),
                page.statusCode(),
                page.headers().firstValue("Location").orElse(""));

        assertThat(answer.statusCode())
                .as("the heartbeats stopped being accepted")
                .isNotEqualTo(200);
        assertThat(longestGapMillis)
                .as("heartbeats came more often than the idle limit")
                .isLessThan(IDLE_SECONDS * 1000L);
        assertThat(accepted).as("heartbeats within the limit were accepted").isPositive();
        assertThat(endedAfter)
                .as("seconds from the last action until the session ended")
                .isGreaterThanOrEqualTo(IDLE_SECONDS)
                .isLessThan(IDLE_SECONDS + 5);
        assertThat(page.statusCode())
                .as("the page after the end asks for the login")
                .isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    private static String prefix(String id) {
        return id == null ? "none" : id.substring(0, Math.min(6, id.length()));
    }
}
