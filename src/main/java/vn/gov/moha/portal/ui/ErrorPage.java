package vn.gov.moha.portal.ui;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.moha.portal.i18n.LanguageCookie;
import vn.gov.moha.portal.i18n.Translations;

/**
 * The page the server answers with when a request fails before or outside a screen (an address the firewall
 * refuses, a method or a file the portal does not have, a failure of the server): the portal's own page in the
 * person's language (Vietnamese, or English once chosen with the language switch, as on every screen), with the
 * way home; never the framework's English page nor a stack trace. A server failure gets a reference to quote,
 * under which the server log keeps the details (as {@link ErrorView} does for a screen).
 */
public final class ErrorPage {

    private static final Logger log = LoggerFactory.getLogger(ErrorPage.class);
    private static final Translations TEXTS = new Translations();

    private ErrorPage() {}

    /** Writes the page for this status as the whole answer, unless the answer has already begun. */
    public static void write(
            HttpServletRequest request, HttpServletResponse response, int status, String path, Throwable failure)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        byte[] page = html(
                        LanguageCookie.fromCookies(request.getCookies()),
                        status,
                        path,
                        request.getContextPath(),
                        failure)
                .getBytes(StandardCharsets.UTF_8);
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (!response.containsHeader("Content-Security-Policy")) {
            response.setHeader(
                    "Content-Security-Policy",
                    "default-src 'none'; img-src 'self'; "
                            + "style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
        }
        response.setContentLength(page.length);
        response.getOutputStream().write(page);
        response.flushBuffer();
    }

    /** The page's HTML: the portal's name, what happened, and the way home. */
    static String html(Locale locale, int status, String path, String contextPath, Throwable failure) {
        String title;
        String text;
        if (status == HttpServletResponse.SC_NOT_FOUND) {
            title = TEXTS.getTranslation("error.page.title", locale);
            String shown = path == null ? "" : path.length() > 200 ? path.substring(0, 200) + "…" : path;
            text = TEXTS.getTranslation("error.page.text", locale, shown);
        } else if (status == HttpServletResponse.SC_FORBIDDEN) {
            title = TEXTS.getTranslation("error.http.refused.title", locale);
            text = TEXTS.getTranslation("error.http.refused.text", locale);
        } else if (status < 500) {
            title = TEXTS.getTranslation("error.http.invalid.title", locale);
            text = TEXTS.getTranslation("error.http.invalid.text", locale);
        } else {
            String reference = UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
            log.error("Server error {}, reference {}, answering '{}'", status, reference, path, failure);
            title = TEXTS.getTranslation("error.unexpected.title", locale);
            text = TEXTS.getTranslation("error.unexpected.text", locale, reference);
        }
        String home = contextPath == null || contextPath.isEmpty() ? "/" : contextPath + "/";
        return "<!doctype html><html lang=\"" + (Translations.supported(locale) == Translations.ENGLISH ? "en" : "vi")
                + "\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, "
                + "initial-scale=1\"><title>" + escape(title) + " · "
                + escape(TEXTS.getTranslation("app.ministry", locale))
                + "</title><style>body{margin:0;font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;"
                + "color:#1f2a37;background:#f5f6f8}main{max-width:40rem;margin:12vh auto;padding:2rem;"
                + "background:#fff;border-radius:8px;box-shadow:0 1px 4px rgba(0,0,0,.12)}"
                + ".ministry{color:#b3261e;font-weight:600;margin:.5rem 0 0}h1{font-size:1.5rem;margin:.5rem 0 1rem}"
                + "a{color:#0b57d0}</style></head><body><main class=\"error-page\">"
                + "<img src=\"" + home + "images/emblem.svg\" alt=\"\" width=\"56\" height=\"56\">"
                + "<p class=\"ministry\">" + escape(TEXTS.getTranslation("app.ministry", locale)) + " · "
                + escape(TEXTS.getTranslation("app.name", locale)) + "</p>"
                + "<h1>" + escape(title) + "</h1><p>" + escape(text) + "</p>"
                + "<p><a class=\"home\" href=\"" + home + "\">"
                + escape(TEXTS.getTranslation("error.unexpected.home", locale)) + "</a></p></main></body></html>";
    }

    /** Text as HTML: the address shown is typed by anyone. */
    static String escape(String text) {
        StringBuilder s = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '&' -> s.append("&amp;");
                case '"' -> s.append("&quot;");
                case '\'' -> s.append("&#39;");
                default -> s.append(c);
            }
        }
        return s.toString();
    }
}
