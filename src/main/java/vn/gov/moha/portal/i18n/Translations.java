package vn.gov.moha.portal.i18n;

import com.vaadin.flow.i18n.I18NProvider;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * All texts of the portal, from {@code i18n/messages*.properties}: Vietnamese first
 * ({@code messages.properties}), English second ({@code messages_en.properties}).
 */
@Component
public class Translations implements I18NProvider {

    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");
    public static final Locale ENGLISH = Locale.forLanguageTag("en");
    public static final String BUNDLE = "i18n/messages";

    private static final Logger log = LoggerFactory.getLogger(Translations.class);
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    @Override
    public List<Locale> getProvidedLocales() {
        return List.of(VIETNAMESE, ENGLISH);
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        if (key == null) {
            return "";
        }
        try {
            String pattern = bundle(locale).getString(key);
            return params.length == 0 ? pattern : new MessageFormat(pattern, supported(locale)).format(params);
        } catch (MissingResourceException e) {
            log.warn("Missing translation {} for {}", key, locale);
            return "!" + key + "!";
        }
    }

    /** The locale we serve for a requested one: English for any English, otherwise Vietnamese. */
    public static Locale supported(Locale requested) {
        return requested != null && "en".equals(requested.getLanguage()) ? ENGLISH : VIETNAMESE;
    }

    public static ResourceBundle bundle(Locale locale) {
        Locale served = supported(locale);
        return ResourceBundle.getBundle(BUNDLE, served == ENGLISH ? Locale.ENGLISH : Locale.ROOT, NO_FALLBACK);
    }
}
