package vn.gov.moha.portal.i18n;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import jakarta.servlet.http.Cookie;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Vietnamese is the language of every new session, whatever the browser asks for; a user who
 * switched to English keeps it through a cookie, also on the login screen after logging out.
 */
@Component
public class LanguageCookie implements VaadinServiceInitListener {

    static final String NAME = "portal-lang";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(e -> e.getSession().setLocale(fromRequest(e.getRequest())));
        event.getSource()
                .addUIInitListener(
                        e -> e.getUI().setLocale(e.getUI().getSession().getLocale()));
    }

    static Locale fromRequest(VaadinRequest request) {
        return fromCookies(request == null ? null : request.getCookies());
    }

    /** The language the browser's cookies ask for: English once chosen, otherwise Vietnamese. */
    public static Locale fromCookies(Cookie[] cookies) {
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (NAME.equals(cookie.getName()) && "en".equals(cookie.getValue())) {
                    return Translations.ENGLISH;
                }
            }
        }
        return Translations.VIETNAMESE;
    }

    /** Switches the current session to the locale and remembers it in the browser for a year. */
    static void remember(VaadinSession session, Locale locale) {
        session.setLocale(locale);
        session.getUIs().forEach(ui -> ui.setLocale(locale));
        Cookie cookie = new Cookie(NAME, locale.getLanguage());
        cookie.setPath("/");
        cookie.setMaxAge(365 * 24 * 3600);
        cookie.setHttpOnly(true);
        var response = com.vaadin.flow.server.VaadinService.getCurrentResponse();
        if (response != null) {
            response.addCookie(cookie);
        }
    }
}
