package vn.gov.moha.portal.i18n;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.VaadinSession;
import java.util.Locale;

/**
 * One button that offers the other language: "English" on a Vietnamese screen, "Tiếng Việt" on an
 * English one. It reloads the page so every text is drawn again in the chosen language.
 */
public class LanguageSwitch extends Button {

    public LanguageSwitch() {
        Locale current = Translations.supported(UI.getCurrent().getLocale());
        Locale other = current == Translations.ENGLISH ? Translations.VIETNAMESE : Translations.ENGLISH;
        setText(getTranslation("language.switchTo"));
        setIcon(VaadinIcon.GLOBE.create());
        addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        getElement().setAttribute("lang", other.getLanguage());
        getElement().setAttribute("aria-label", getTranslation("language.switchTo.aria"));
        addClassName("language-switch");
        addClickListener(e -> {
            LanguageCookie.remember(VaadinSession.getCurrent(), other);
            UI.getCurrent().getPage().reload();
        });
    }
}
