package vn.gov.moha.portal.workflow.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNoNotifications;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.TextArea;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.gov.moha.portal.KaribuTest;
import vn.gov.moha.portal.PortalTest;
import vn.gov.moha.portal.i18n.Translations;
import vn.gov.moha.portal.workflow.WorkflowFixture;
import vn.gov.moha.portal.workflow.assignment.Assignment;
import vn.gov.moha.portal.workflow.report.Confidence;

/**
 * Text over a field's limit is never cut: the field has no browser maxlength (which cuts a paste
 * silently), counts what was typed against the limit under itself, says when it is too long, and
 * the save is refused with the message next to the field; the whole text stays in the field.
 */
@PortalTest
class TextLimitScreensTest extends KaribuTest {

    @Autowired
    WorkflowFixture workflow;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aReportPastedOverItsLimitIsKeptWholeCountedAndRefusedUntilItFits() {
        Assignment a = workflow.assignTask3ToLamDong();
        login("lamdong.cv");
        UI.getCurrent().getPage().reload();
        navigate("assignments/" + a.getId() + "/report");
        ReportView report = _get(ReportView.class);
        assertNoBrowserLimit(report.narrative);
        assertThat(report.narrative.getHelperText()).isEqualTo("0/8.000 ký tự");

        _setValue(report.percent, 40);
        _setValue(report.confidence, Confidence.ON_TRACK);
        _setValue(report.values.values().iterator().next(), java.math.BigDecimal.TEN);
        String pasted = "Đã rà soát biên chế. ".repeat(5000); // 105,000 characters
        _setValue(report.narrative, pasted);
        assertThat(report.narrative.getValue()).isEqualTo(pasted);
        assertThat(report.narrative.getHelperText()).isEqualTo("104.999/8.000 ký tự"); // counted without the last space
        assertFieldError(report.narrative, "Quá dài: tối đa 8.000 ký tự");

        _click(report.saveDraft);
        expectNoNotifications();
        assertFieldError(report.narrative, "Quá dài: tối đa 8.000 ký tự");
        assertThat(report.narrative.getValue()).as("nothing cut").isEqualTo(pasted);
        assertThat(jdbc.queryForObject("select count(*) from progress_report", Integer.class))
                .isZero();

        String fits = "ệ".repeat(8000);
        _setValue(report.narrative, fits);
        assertThat(report.narrative.isInvalid()).isFalse();
        assertThat(report.narrative.getHelperText()).isEqualTo("8.000/8.000 ký tự");
        _click(report.saveDraft);
        expectNotifications("Đã lưu nháp");
        assertThat(jdbc.queryForObject("select narrative from progress_report", String.class))
                .isEqualTo(fits);
        logout();
    }

    @Test
    void theAssignDialogCountsItsLongTextsInEnglishToo() {
        login("quanly");
        useLocale(Translations.ENGLISH);
        navigate("assignments");
        _click(_get(Button.class, b -> b.withText("Assign task")));
        AssignDialog dialog = _get(AssignDialog.class);
        assertNoBrowserLimit(dialog.expectedOutput);
        assertNoBrowserLimit(dialog.instructions);
        assertThat(dialog.instructions.getHelperText()).isEqualTo("0/4,000 characters");
        _setValue(dialog.expectedOutput, "x".repeat(2001));
        assertThat(dialog.expectedOutput.getHelperText()).isEqualTo("2,001/2,000 characters");
        assertFieldError(dialog.expectedOutput, "Too long: at most 2,000 characters");
        _setValue(dialog.expectedOutput, "x".repeat(2000));
        assertThat(dialog.expectedOutput.isInvalid()).isFalse();
        logout();
    }

    /** No screen sets the browser's maxlength (it cuts a paste without a word); the limit goes through TextLimit. */
    @Test
    void noFieldOfThePortalLetsTheBrowserCutText() throws IOException {
        List<String> cutting;
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            cutting = sources.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> {
                        try {
                            return Files.readString(p).contains(".setMaxLength(");
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .map(Path::toString)
                    .toList();
        }
        assertThat(cutting).isEmpty();
    }

    private static void assertNoBrowserLimit(TextArea field) {
        assertThat(field.getElement().hasProperty("maxlength"))
                .as("maxlength of %s", field.getLabel())
                .isFalse();
    }
}
