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
                    if (!vi.containsKey(m.group(1))) {
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
}
