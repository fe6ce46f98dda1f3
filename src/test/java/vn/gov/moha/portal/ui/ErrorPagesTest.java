package vn.gov.moha.portal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.gov.moha.portal.PortalTest;
import vn.gov.moha.portal.security.FormLogin;

/**
 * Every error the server answers outside a screen, over real HTTP: the portal's own page, in Vietnamese (English
 * once chosen), with the status of the error and the way home; never Spring's "Whitelabel Error Page", Tomcat's
 * "HTTP Status 400" page, nor a stack trace. Logged in or not.
 */
@PortalTest
class ErrorPagesTest {

    @LocalServerPort
    int port;

    /** What the browser got: status, type and page. */
    private record Answer(int status, String contentType, String body) {

        static Answer of(HttpResponse<String> response) {
            return new Answer(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        }

        /** An HTTP/1.1 answer as read from the socket (the error page has a Content-Length, no chunks). */
        static Answer parse(String raw) {
            int end = raw.indexOf("\r\n\r\n");
            String head = raw.substring(0, end);
            Matcher type = Pattern.compile("(?im)^Content-Type:\\s*(.+)$").matcher(head);
            return new Answer(
                    Integer.parseInt(head.split(" ")[1]),
                    type.find() ? type.group(1).strip() : "",
                    raw.substring(end + 4));
        }
    }

    private static void portalPage(String what, HttpResponse<String> response, int status, String title) {
        portalPage(what, Answer.of(response), status, title);
    }

    private static void portalPage(String what, Answer answer, int status, String title) {
        System.out.printf("%s -> %d %s%n", what, answer.status(), title);
        assertThat(answer.status()).as(what).isEqualTo(status);
        assertThat(answer.contentType()).as(what).startsWith("text/html");
        assertThat(answer.body())
                .as(what)
                .contains("<h1>" + title + "</h1>", "class=\"home\" href=\"/\"")
                .doesNotContain("Whitelabel", "HTTP Status", "Exception", "at org.", "at java.");
    }

    @Test
    void addressesTheFirewallRefusesGetThePortalsPage() throws Exception {
        FormLogin person = new FormLogin(port);
        assertThat(person.login("quanly", "Demo@2024")).isEqualTo("/");
        FormLogin visitor = new FormLogin(port);
        for (String address :
                new String[] {"/reports/1;DROP", "/assignments//1", "/reports/1%3BDROP", "/assignments/%2F1"}) {
            portalPage("logged in " + address, person.get(address), 400, "Yêu cầu không hợp lệ");
            portalPage("anonymous " + address, visitor.get(address), 400, "Yêu cầu không hợp lệ");
        }
    }

    @Test
    void errorsOfSpringAndOfTheServletContainerGetThePortalsPage() throws Exception {
        FormLogin person = new FormLogin(port);
        assertThat(person.login("quanly", "Demo@2024")).isEqualTo("/");
        portalPage("a file the portal does not have", person.get("/VAADIN/khong-co.js"), 404, "Không tìm thấy trang");
        HttpResponse<String> failure = person.get("/error");
        portalPage("a server failure", failure, 500, "Đã có lỗi xảy ra");
        assertThat(failure.body()).containsPattern("mã tra cứu [0-9A-F]{8}");
        // a form posted without the page's CSRF token (from another site, or a page left open too long)
        portalPage(
                "a form without its token",
                person.post("/login", "username=quanly&password=x"),
                403,
                "Yêu cầu không được chấp nhận");

        portalPage("an encoded /../ that Tomcat refuses", rawGet("/%2e%2e/etc/passwd"), 400, "Yêu cầu không hợp lệ");
        portalPage("a NUL byte that Tomcat refuses", rawGet("/a%00b"), 400, "Yêu cầu không hợp lệ");
    }

    @Test
    void aPersonWhoChoseEnglishGetsItInEnglish() throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/reports/1;DROP"))
                                .header("Cookie", "portal-lang=en")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        portalPage("English", answer, 400, "Invalid request");
        assertThat(answer.body()).contains("<html lang=\"en\"", "Back to the home page");
    }

    /** A GET sent as bytes, as a scanner sends it: Java's HTTP client would refuse such an address itself. */
    private Answer rawGet(String path) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.getOutputStream()
                    .write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            String raw = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return Answer.parse(raw);
        }
    }
}
