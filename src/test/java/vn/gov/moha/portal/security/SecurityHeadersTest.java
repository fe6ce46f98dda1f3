package vn.gov.moha.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.gov.moha.portal.PortalTest;

/** The headers a browser gets with every page: what it may load, framing, sniffing, referrer, cookies. */
@PortalTest
class SecurityHeadersTest {

    @LocalServerPort
    int port;

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyPageCarriesTheSecurityHeaders() throws Exception {
        for (String path : new String[] {"/login", "/", "/admin/users", "/no-such-page"}) {
            var headers = get(path).headers();
            System.out.printf(
                    "%s -> %s%n",
                    path, headers.firstValue("Content-Security-Policy").orElse("(none)"));
            assertThat(headers.firstValue("Content-Security-Policy"))
                    .as(path)
                    .hasValueSatisfying(csp -> assertThat(csp)
                            .contains(
                                    "object-src 'none'",
                                    "base-uri 'self'",
                                    "frame-ancestors 'none'",
                                    "default-src 'self'"));
            assertThat(headers.firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
            assertThat(headers.firstValue("Referrer-Policy")).as(path).contains("same-origin");
            assertThat(headers.firstValue("X-Frame-Options")).as(path).contains("DENY");
        }
    }

    @Test
    void pagesWithDataAreNotCachedAndTheSessionCookieIsHttpOnlyAndSameSite() throws Exception {
        HttpResponse<String> login = get("/login");
        assertThat(login.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        var sessionCookies = login.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID"))
                .toList();
        System.out.println("session cookie: " + sessionCookies);
        // SameSite=Lax: the browser does not send the session along with another site's form posts or scripted requests
        assertThat(sessionCookies)
                .isNotEmpty()
                .allSatisfy(c -> assertThat(c).contains("HttpOnly").containsIgnoringCase("SameSite=Lax"));
    }
}
