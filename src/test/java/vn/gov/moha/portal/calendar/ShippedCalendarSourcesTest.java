package vn.gov.moha.portal.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** A year ships only with its official source named in the file: a "Căn cứ:" line citing a numbered document. */
class ShippedCalendarSourcesTest {

    /** Such as "Công văn 8726/VPCP-KGVX" or "Thông báo 5015/TB-LĐTBXH". */
    private static final Pattern DOCUMENT = Pattern.compile("\\d+/[\\p{Lu}Đ-]+");

    @Test
    void everyShippedYearNamesTheOfficialDocumentsItFollows() throws IOException {
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:calendar/*.csv");
        assertThat(files).isNotEmpty();
        for (Resource file : files) {
            String text = file.getContentAsString(StandardCharsets.UTF_8);
            String header = text.lines().takeWhile(l -> l.startsWith("#")).reduce("", (a, b) -> a + "\n" + b);
            int basis = header.indexOf("# Căn cứ:");
            assertThat(basis)
                    .as(file.getFilename() + " names its source in a '# Căn cứ:' line")
                    .isNotNegative();
            assertThat(DOCUMENT.matcher(header.substring(basis)).find())
                    .as(file.getFilename() + " cites a numbered official document")
                    .isTrue();
        }
    }
}
