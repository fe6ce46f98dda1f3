package vn.gov.moha.portal.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.Locale;
import vn.gov.moha.portal.i18n.Translations;

/** The language of an API answer: the first of Vietnamese or English the caller's Accept-Language names; else Vietnamese. */
final class ApiLanguage {

    private ApiLanguage() {}

    static Locale of(HttpServletRequest request) {
        if (request.getHeader("Accept-Language") == null) {
            return Translations.VIETNAMESE;
        }
        for (Locale asked : Collections.list(request.getLocales())) {
            if ("en".equals(asked.getLanguage())) {
                return Translations.ENGLISH;
            }
            if ("vi".equals(asked.getLanguage())) {
                return Translations.VIETNAMESE;
            }
        }
        return Translations.VIETNAMESE;
    }
}
