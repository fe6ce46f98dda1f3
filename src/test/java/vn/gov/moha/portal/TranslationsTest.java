package vn.gov.moha.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import vn.gov.moha.portal.i18n.Translations;

/** Every text exists in Vietnamese and English, and every key the code asks for exists. */
class TranslationsTest {

    private static Properties load(String name) {
        try (InputStream in = TranslationsTest.class.getResourceAsStream("/i18n/" + name)) {
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void bothLanguagesHaveTheSameKeys() {
        Properties vi = load("messages.properties");
        Properties en = load("messages_en.properties");
        assertThat(en.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(vi.stringPropertyNames());
        vi.stringPropertyNames().forEach(k -> {
            assertThat(vi.getProperty(k)).as("Vietnamese text of %s", k).isNotBlank();
            assertThat(en.getProperty(k)).as("English text of %s", k).isNotBlank();
        });
    }

    /** MessageFormat reads a lone apostrophe as a quote and would swallow the {0} after it. */
    @Test
    void textsWithParametersHaveNoLoneApostrophe() {
        for (String file : List.of("messages.properties", "messages_en.properties")) {
            Properties texts = load(file);
            texts.stringPropertyNames().forEach(k -> {
                String text = texts.getProperty(k);
                if (text.contains("{0")) {
                    assertThat(text.replace("''", "")).as("%s in %s", k, file).doesNotContain("'");
                }
            });
        }
    }

    @Test
    void everyKeyTheCodeUsesExists() throws IOException {
        Properties vi = load("messages.properties");
        Pattern literal = Pattern.compile(
                "\"((?:app|language|login|nav|action|common|error|date|role|home|unit|user|task|period|state|confidence|assignment|report|file|extension|mywork|event|audit|upload|history|chain|contribution|dashboard|calendar|reporting|backup|notification|export|signature)"
                        + "\\.[A-Za-z0-9.]+[A-Za-z0-9])\"");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = literal.matcher(Files.readString(file));
                while (m.find()) {
                    // "event.detail.file.name" and the like are DOM event data read by Vaadin, not message keys
                    if (!vi.containsKey(m.group(1)) && !m.group(1).startsWith("event.detail.")) {
                        missing.add(m.group(1) + " in " + file.getFileName());
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void vietnameseIsTheDefaultAndEnglishTheSecondLanguage() {
        Translations t = new Translations();
        assertThat(t.getTranslation("nav.users", Translations.VIETNAMESE)).isEqualTo("Người dùng");
        assertThat(t.getTranslation("nav.users", Locale.US)).isEqualTo("Users");
        assertThat(t.getTranslation("nav.users", Locale.FRENCH)).isEqualTo("Người dùng");
        assertThat(t.getTranslation("common.count", Translations.VIETNAMESE, 1234))
                .isEqualTo("1.234 mục");
        assertThat(t.getTranslation("no.such.key", Translations.VIETNAMESE)).isEqualTo("!no.such.key!");
    }

    /**
     * English counts agree with their number and dates read "1 July 2025", also for a notification kept with its
     * parameters as text; Vietnamese keeps "01/07/2025" and its own wording.
     */
    @Test
    void englishPluralsAndDatesVietnameseWording() {
        Translations texts = new Translations();
        assertThat(texts.getTranslation("calendar.left", Translations.ENGLISH, "1"))
                .isEqualTo("1 working day left");
        assertThat(texts.getTranslation("calendar.left", Translations.ENGLISH, "3"))
                .isEqualTo("3 working days left");
        assertThat(texts.getTranslation("calendar.left", Translations.ENGLISH, 3L))
                .isEqualTo("3 working days left");
        assertThat(texts.getTranslation(
                        "notification.overdue", Translations.ENGLISH, "3", "Sở Nội vụ Lâm Đồng", "01/07/2025", "1"))
                .isEqualTo("Task 3 of Sở Nội vụ Lâm Đồng is 1 day overdue (deadline 1 July 2025)");
        assertThat(texts.getTranslation(
                        "notification.overdue", Translations.VIETNAMESE, "3", "Sở Nội vụ Lâm Đồng", "01/07/2025", "12"))
                .isEqualTo("Nhiệm vụ số 3 của Sở Nội vụ Lâm Đồng đã quá hạn 12 ngày (hạn 01/07/2025)");
        assertThat(texts.getTranslation("nav.myWork.count", Translations.ENGLISH, 1))
                .isEqualTo("1 item waiting");
        // an impossible date is quoted as written
        assertThat(texts.getTranslation("calendar.file.date", Translations.ENGLISH, "7", "31/02/2025"))
                .contains("'31/02/2025'");
        // a number that is not counted keeps its digits (a year, a task number)
        assertThat(texts.getTranslation("task.year.label", Translations.ENGLISH, "2025"))
                .isEqualTo("Year 2025");
    }

    @Test
    void notificationsAddressTheReaderAsDongChi() {
        Properties vi = load("messages.properties");
        assertThat(vi.stringPropertyNames().stream()
                        .filter(k -> k.startsWith("notification."))
                        .map(vi::getProperty))
                .noneMatch(text -> text.matches("(?s).*\\bbạn\\b.*"))
                .noneMatch(text -> text.contains("hạn nộp"));
    }
}
