package vn.gov.moha.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser without JavaScript: keeps cookies, submits the login form with its CSRF token, follows nothing. */
public final class FormLogin {

    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    private final int port;
    public final HttpClient browser = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    public FormLogin(int port) {
        this.port = port;
    }

    /** The server's address, http://localhost:port. */
    public String base() {
        return "http://localhost:" + port;
    }

    public HttpResponse<String> get(String path) throws Exception {
        return browser.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Opens the login page and returns the CSRF token its form posts. */
    public String token() throws Exception {
        Matcher csrf = CSRF.matcher(get("/login").body());
        assertThat(csrf.find()).as("the login page carries a CSRF token").isTrue();
        return csrf.group(1);
    }

    /** Posts a form as this browser, with its cookies. */
    public HttpResponse<String> post(String path, String form) throws Exception {
        return browser.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Submits the login form and returns where the portal sends the browser next (path and query). */
    public String login(String username, String password) throws Exception {
        return next(post("/login", form(username, password, token())));
    }

    /** The login form's fields. */
    public static String form(String username, String password, String token) {
        return "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(token);
    }

    /** Where a login answer sends the browser (path and query). */
    public static String next(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(302);
        URI next = URI.create(response.headers().firstValue("Location").orElseThrow());
        return next.getPath() + (next.getQuery() == null ? "" : "?" + next.getQuery());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
