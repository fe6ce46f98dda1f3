package vn.gov.moha.portal.workflow.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.io.File;
import java.nio.file.Files;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.gov.moha.portal.KaribuTest;
import vn.gov.moha.portal.PortalTest;
import vn.gov.moha.portal.calendar.WorkingDays;
import vn.gov.moha.portal.common.Formats;
import vn.gov.moha.portal.i18n.Translations;
import vn.gov.moha.portal.workflow.WorkflowFixture;
import vn.gov.moha.portal.workflow.adhoc.AdhocAnswer;
import vn.gov.moha.portal.workflow.adhoc.AdhocFixture;
import vn.gov.moha.portal.workflow.adhoc.AdhocRequest;
import vn.gov.moha.portal.workflow.adhoc.AdhocService;

/** The ad hoc report screens as the manager, the unit's officer and head would click them. */
@PortalTest
class AdhocScreensTest extends KaribuTest {

    @Autowired
    AdhocFixture fixture;

    @Autowired
    AdhocService adhoc;

    @Autowired
    WorkingDays workingDays;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theManagerAsksAllProvincesWithATemplateAndSeesTheMessagesNextToTheFields() throws Exception {
        login("quanly");
        navigate("adhoc");
        assertThat(menuLabels()).contains("Báo cáo đột xuất, chuyên đề");
        _click(_get(Button.class, b -> b.withId("adhoc-new")));
        AdhocDialog dialog = _get(AdhocDialog.class);
        LocalDate sunday = LocalDate.now().plusDays(7).with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        _setValue(dialog.due, sunday);
        _click(dialog.save);
        assertFieldError(dialog.title, "Vui lòng nhập thông tin này");
        assertFieldError(dialog.content, "Vui lòng nhập thông tin này");
        assertFieldError(dialog.units, "Chọn ít nhất một đơn vị");
        assertFieldError(
                dialog.due,
                "Hạn gửi trùng ngày nghỉ; đề nghị chọn ngày làm việc (gần nhất: "
                        + Formats.date(workingDays.nextWorkingDay(sunday)) + ")");
        assertThat(jdbc.queryForObject("select count(*) from adhoc_request", Long.class))
                .isZero();

        _setValue(dialog.title, "Báo cáo chuyên đề về sắp xếp đơn vị hành chính cấp xã");
        _setValue(dialog.content, "Số đơn vị hành chính cấp xã trước và sau sắp xếp.");
        _setValue(dialog.due, fixture.workingDayIn(10));
        _click(dialog.allProvinces);
        assertThat(dialog.units.getValue()).hasSize(34);
        File template = Files.createTempFile("mau", ".pdf").toFile();
        Files.write(template.toPath(), WorkflowFixture.PDF);
        dialog.attach("mau-bao-cao.pdf", template);
        _click(dialog.save);

        AdhocRequestView view = _get(AdhocRequestView.class);
        assertThat(_get(view, H2.class).getText()).isEqualTo("Báo cáo chuyên đề về sắp xếp đơn vị hành chính cấp xã");
        assertThat(_size(view.answers)).isEqualTo(34);
        assertThat(_find(view, Span.class, s -> s.withText("Chưa gửi: 34"))).hasSize(1);
        assertThat(_find(view, com.vaadin.flow.component.html.Anchor.class))
                .extracting(com.vaadin.flow.component.html.Anchor::getText)
                .anyMatch(t -> t.startsWith("mau-bao-cao.pdf ("));
        assertThat(template).doesNotExist(); // the upload's temporary file is gone once kept
    }

    @Test
    void theOfficerWritesTheHeadSendsTheManagerReturnsWithAReasonNextToItsField() {
        AdhocRequest r = fixture.askLamDongAndHaNoi();

        AdhocAnswer mine = fixture.answer("lamdong.cv", r);
        login("lamdong.cv");
        navigate("my-work");
        _click(_get(Button.class, b -> b.withId("mywork-adhoc-write-" + mine.getId())));
        AdhocRequestView view = _get(AdhocRequestView.class);
        assertThat(view.answers.isAttached()).isFalse(); // a unit sees no list of the other units
        _click(view.saveDraft);
        assertFieldError(view.text, "Vui lòng nhập thông tin này");
        _setValue(view.text, "Tỉnh Lâm Đồng đã sắp xếp 147 đơn vị hành chính cấp xã.");
        _click(view.saveDraft);
        assertThat(_find(view, Paragraph.class, p -> p.withText("Báo cáo đã soạn, chờ lãnh đạo đơn vị gửi.")))
                .hasSize(1);
        assertThat(view.upload).isNotNull();

        newSession();
        login("lamdong.truong");
        navigate("adhoc/" + r.getId());
        view = _get(AdhocRequestView.class);
        assertThat(view.send.isEnabled()).isTrue();
        assertThat(_find(view, Button.class, b -> b.withId("adhoc-save-draft"))).isEmpty();
        _click(view.send);
        assertThat(fixture.answer("lamdong.truong", r).getStatus()).isEqualTo(AdhocAnswer.Status.SENT);

        newSession();
        login("quanly");
        navigate("my-work");
        _click(_get(Button.class, b -> b.withId("mywork-adhoc-accept-" + mine.getId())));
        view = _get(AdhocRequestView.class);
        assertThat(_find(
                        view.answerPanel,
                        Paragraph.class,
                        p -> p.withText("Tỉnh Lâm Đồng đã sắp xếp 147 đơn vị hành chính cấp xã.")))
                .hasSize(1);
        _click(view.returnIt);
        assertFieldError(view.reason, "Vui lòng nhập thông tin này");
        _setValue(view.reason, "Bổ sung danh sách xã");
        _click(view.returnIt);
        assertThat(_find(_get(AdhocRequestView.class), Span.class, s -> s.withText("Trả lại: 1")))
                .hasSize(1);

        newSession();
        login("lamdong.cv");
        navigate("adhoc/" + r.getId());
        view = _get(AdhocRequestView.class);
        assertThat(_find(view, Paragraph.class, p -> p.withText("Bị trả lại, lý do: Bổ sung danh sách xã")))
                .hasSize(1);
        assertThat(view.text.getValue()).isEqualTo("Tỉnh Lâm Đồng đã sắp xếp 147 đơn vị hành chính cấp xã.");
    }

    @Test
    void anotherUnitOpeningTheAddressIsToldItIsNotFound() {
        AdhocRequest r = fixture.askLamDongAndHaNoi();
        login("danang.cv");
        navigate("adhoc/" + r.getId());
        AdhocRequestView view = _get(AdhocRequestView.class);
        assertThat(_get(view, H2.class).getText())
                .isEqualTo("Không tìm thấy yêu cầu báo cáo, hoặc đồng chí không có quyền xem.");
        navigate("adhoc");
        assertThat(_size(_get(AdhocView.class).grid)).isZero();
        assertThat(_get(AdhocView.class).create.isVisible()).isFalse();
    }

    @Test
    void theReportingScreenHasATabOfRequestsAndTheDashboardALineOfLateOnes() {
        AdhocRequest r = fixture.askLamDongAndHaNoi();
        fixture.moveDue(r, LocalDate.now().minusDays(3));
        login("quanly");
        useLocale(Translations.ENGLISH);
        navigate("reporting");
        ReportingView reporting = _get(ReportingView.class);
        assertThat(reporting.adhocGrid.isVisible()).isFalse();
        assertThat(reporting.tabs.getTabAt(1).getLabel()).isEqualTo("Ad hoc and thematic reports");
        reporting.tabs.setSelectedIndex(1);
        assertThat(reporting.adhocGrid.isVisible()).isTrue();
        assertThat(_size(reporting.adhocGrid)).isEqualTo(1);
        vn.gov.moha.portal.workflow.adhoc.AdhocViews.Summary row =
                com.github.mvysny.kaributesting.v10.GridKt._get(reporting.adhocGrid, 0);
        assertThat(row.counts().get(vn.gov.moha.portal.workflow.adhoc.AdhocState.OVERDUE))
                .isEqualTo(2);

        useLocale(Translations.VIETNAMESE);
        navigate("dashboard");
        Paragraph late = _get(Paragraph.class, p -> p.withClasses("adhoc-late"));
        assertThat(late.getElement().getTextRecursively())
                .matches(
                        "Báo cáo đột xuất, chuyên đề có hạn gửi từ năm \\d{4}: 2 đơn vị chưa gửi khi đã quá hạn, 0 đơn vị"
                                + " gửi trễ hạn Báo cáo đột xuất, chuyên đề");
    }
}
