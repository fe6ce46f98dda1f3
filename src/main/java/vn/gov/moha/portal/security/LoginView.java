package vn.gov.moha.portal.security;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.springframework.security.web.WebAttributes;
import vn.gov.moha.portal.i18n.LanguageSwitch;

/** The login screen: Vaadin's login form with texts in the user's language. */
@Route(value = "login", autoLayout = false)
@AnonymousAllowed
class LoginView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final LoginForm form = new LoginForm();

    LoginView() {
        addClassName("login-view");
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        form.setI18n(i18n());

        Div brand = new Div();
        brand.addClassName("login-brand");
        Image emblem = new Image("images/emblem.svg", "");
        emblem.addClassName("login-emblem");
        H1 title = new H1(getTranslation("app.ministry"));
        Paragraph subtitle = new Paragraph(getTranslation("app.name"));
        brand.add(emblem, title, subtitle);

        Div card = new Div(brand, form, new LanguageSwitch());
        card.addClassName("login-card");
        Paragraph motto = new Paragraph(getTranslation("app.motto"));
        motto.addClassName("login-motto");
        add(card, motto);
    }

    private LoginI18n i18n() {
        LoginI18n i18n = LoginI18n.createDefault();
        LoginI18n.Form f = i18n.getForm();
        f.setTitle(getTranslation("login.title"));
        f.setUsername(getTranslation("login.username"));
        f.setPassword(getTranslation("login.password"));
        f.setSubmit(getTranslation("login.submit"));
        LoginI18n.ErrorMessage error = i18n.getErrorMessage();
        error.setTitle(getTranslation("login.error.title"));
        error.setMessage(getTranslation("login.error.message"));
        error.setUsername(getTranslation("login.error.username"));
        error.setPassword(getTranslation("login.error.password"));
        return i18n;
    }

    /**
     * After a refused login ({@code ?error}): the same text for every refusal (wrong password, unknown name, locked),
     * so nobody learns which; only a directory refusal, given after the directory password was right or when the
     * directory could not be asked, says its own reason (Spring keeps the refusal in the session).
     */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        boolean error = event.getLocation().getQueryParameters().getParameters().containsKey("error");
        if (error) {
            WrappedSession session = VaadinSession.getCurrent() == null
                    ? null
                    : VaadinSession.getCurrent().getSession();
            Object last = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
            LoginI18n i18n = i18n();
            if (last instanceof DirectoryRefusal refusal) {
                i18n.getErrorMessage().setMessage(getTranslation(refusal.messageKey()));
            }
            form.setI18n(i18n);
        }
        form.setError(error);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.pageTitle");
    }
}
