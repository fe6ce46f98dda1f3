package vn.gov.moha.portal.i18n;

import com.vaadin.flow.i18n.I18NProvider;
import java.text.ChoiceFormat;
import java.text.Format;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.gov.moha.portal.common.Formats;

/**
 * All texts of the portal, from {@code i18n/messages*.properties}: Vietnamese first
 * ({@code messages.properties}), English second ({@code messages_en.properties}).
 */
@Component
public class Translations implements I18NProvider {

    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");
    public static final Locale ENGLISH = Locale.forLanguageTag("en");
    public static final String BUNDLE = "i18n/messages";

    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d{1,18}");
    private static final Pattern DATE = Pattern.compile("\\d{2}/\\d{2}/\\d{4}");
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
            if (params.length == 0) {
                return pattern;
            }
            MessageFormat format = new MessageFormat(pattern, supported(locale));
            return format.format(readable(format, params, locale));
        } catch (MissingResourceException e) {
            log.warn("Missing translation {} for {}", key, locale);
            return "!" + key + "!";
        }
    }

    /**
     * Parameters as the pattern needs them. Many arrive as text (a notification keeps its parameters as text): a
     * whole number for a plural choice ("{3,choice,1#1 day|1<{3} days}") becomes a number, and a dd/MM/yyyy date
     * is written the reader's way ("1 July 2025" in English).
     */
    private static Object[] readable(MessageFormat format, Object[] params, Locale locale) {
        Object[] out = Arrays.copyOf(params, params.length, Object[].class);
        Format[] formats = format.getFormatsByArgumentIndex();
        for (int i = 0; i < out.length; i++) {
            if (!(out[i] instanceof String text)) {
                continue;
            }
            if (i < formats.length
                    && formats[i] instanceof ChoiceFormat
                    && WHOLE_NUMBER.matcher(text).matches()) {
                out[i] = Long.valueOf(text);
            } else if (DATE.matcher(text).matches()) {
                out[i] = Formats.date(text, supported(locale));
            }
        }
        return out;
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
