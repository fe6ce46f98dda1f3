package vn.gov.moha.portal.export;

import java.util.Locale;
import vn.gov.moha.portal.i18n.Translations;

/** Texts in the language of the person exporting. */
record Texts(Translations translations, Locale locale) {

    String t(String key, Object... params) {
        return translations.getTranslation(key, locale, params);
    }

    boolean english() {
        return Translations.supported(locale) == Translations.ENGLISH;
    }

    /** A column whose header is the text of {@code key}. */
    Xlsx.Column col(String key, Xlsx.Type type, int width) {
        return new Xlsx.Column(t(key), type, width);
    }

    /** A line of the "about" sheet: the text of {@code key}, then the value. */
    Object[] line(String key, Object value) {
        return new Object[] {t(key), value};
    }
}
