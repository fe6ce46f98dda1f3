package vn.gov.moha.portal.workflow.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._getFormatted;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.tabs.TabSheet;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.gov.moha.portal.KaribuTest;
import vn.gov.moha.portal.PortalTest;
import vn.gov.moha.portal.common.Formats;
import vn.gov.moha.portal.workflow.transfer.TransferFixture;
import vn.gov.moha.portal.workflow.transfer.TransferRequest;
import vn.gov.moha.portal.workflow.transfer.UnitTransferService;

/** Issue 18: the administrator previews a transfer on the screen, confirms it, and is told what moved or why not. */
@PortalTest
class UnitTransferViewTest extends KaribuTest {

    @Autowired
    TransferFixture fixture;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UnitTransferService transfers;

    private Runnable restore;

    @BeforeEach
    void keepUnits() {
        restore = fixture.snapshot();
    }

    @AfterEach
    void putUnitsBack() {
        restore.run();
    }

    @Test
    void thePreviewCountsWhatMovesAndConfirmingMovesIt() {
        TransferFixture.Scenario s = fixture.build();
        login("admin");
        com.vaadin
                .flow
                .component
                .UI
                .getCurrent()
                .navigate(
                        "units/transfer",
                        com.vaadin.flow.router.QueryParameters.of(
                                "unit", s.lamDong().getId().toString()));
        UnitTransferView view = _get(UnitTransferView.class);
        assertThat(view.unit.getValue().getCode()).isEqualTo("SNV-68");
        view.endDate.setValue(LocalDate.now().minusDays(1));
        view.successor.setValue(view.successor
                .getListDataView()
                .getItems()
                .filter(u -> u.getCode().equals("SNV-01"))
                .findFirst()
                .orElseThrow());
        assertThat(view.confirm.isEnabled())
                .as("nothing to confirm before a preview")
                .isFalse();

        _click(view.preview);

        assertThat(_get(Span.class, spec -> spec.withId("transfer-count-assignments"))
                        .getText())
                .isEqualTo("Nhiệm vụ đang thực hiện: 2");
        assertThat(_get(Span.class, spec -> spec.withId("transfer-count-merged"))
                        .getText())
                .endsWith(": 1");
        assertThat(_get(Span.class, spec -> spec.withId("transfer-count-extensions"))
                        .getText())
                .endsWith(": 1");
        // the unit's accounts: the demo's two, and any an earlier test of the run made for it
        Integer accounts = jdbc.queryForObject(
                "select count(*) from app_user where unit_id = ?",
                Integer.class,
                s.lamDong().getId());
        assertThat(accounts).isGreaterThanOrEqualTo(2);
        assertThat(_get(Span.class, spec -> spec.withId("transfer-count-users")).getText())
                .isEqualTo("Tài khoản người dùng: " + accounts);
        assertThat(_size(view.moves)).isEqualTo(2);
        assertThat(_getFormatted(view.moves, 1, "how")).isEqualTo("Hợp nhất vào nhiệm vụ của đơn vị kế thừa");
        assertThat(view.confirm.isEnabled()).isTrue();

        _click(view.confirm);

        assertThat(view.result.getText())
                .startsWith("Đã chuyển giao: 1 nhiệm vụ chuyển đơn vị chủ trì, 1 nhiệm vụ hợp nhất");
        assertThat(view.confirm.isEnabled()).isFalse();
        assertThat(jdbc.queryForObject(
                        "select u.code from assignment a join org_unit u on u.id = a.lead_unit_id where a.id = ?",
                        String.class,
                        s.lamDong2().getId()))
                .isEqualTo("SNV-01");

        _click(view.preview);
        assertThat(view.counts.getElement().getTextRecursively()).contains("đã được thực hiện");
        assertThat(view.confirm.isEnabled())
                .as("done already: nothing to confirm")
                .isFalse();
    }

    @Test
    void aMergedAssignmentsOldAddressSaysWhereItWentAndAMovedOneKeepsItsAddress() {
        TransferFixture.Scenario s = fixture.build();
        login("admin");
        TransferRequest request = new TransferRequest(
                s.lamDong().getId(), LocalDate.now().minusDays(1), s.haNoi().getId());
        transfers.confirm(request, transfers.preview(request).version());
        String notice =
                "Nhiệm vụ này đã được hợp nhất vào nhiệm vụ của " + s.haNoi().getNameVi() + " từ ngày "
                        + Formats.date(LocalDate.now()) + ", khi đơn vị chủ trì cũ kết thúc hoạt động";

        // a manager may read both: the notice, then the merged-away row's own page as history
        login("quanly");
        navigate("assignments/" + s.lamDong3().getId());
        assertThat(_get(Div.class, spec -> spec.withId("assignment-merged-into"))
                        .getElement()
                        .getTextRecursively())
                .startsWith(notice);
        assertThat(_get(Anchor.class, spec -> spec.withId("assignment-merged-into-link"))
                        .getHref())
                .isEqualTo("assignments/" + s.haNoi3().getId());
        _get(TabSheet.class);

        // Lâm Đồng's officer, Hà Nội's now, may no longer read Lâm Đồng's row: the notice and the way on, no tabs
        login("lamdong.cv");
        navigate("assignments/" + s.lamDong3().getId());
        assertThat(_get(Div.class, spec -> spec.withId("assignment-merged-into"))
                        .getElement()
                        .getTextRecursively())
                .startsWith(notice);
        _assertNone(TabSheet.class);
        navigate(_get(Anchor.class, spec -> spec.withId("assignment-merged-into-link"))
                .getHref());
        _assertNone(Div.class, spec -> spec.withId("assignment-merged-into"));
        _get(TabSheet.class); // the surviving assignment, hers to report on

        // the moved (not merged) task 2 kept its address: it opens as Hà Nội's, with no notice
        navigate("assignments/" + s.lamDong2().getId());
        _assertNone(Div.class, spec -> spec.withId("assignment-merged-into"));
        _get(TabSheet.class);
        assertThat(_get(Span.class, spec -> spec.withClasses("eyebrow")).getText())
                .isEqualTo(s.haNoi().getNameVi());
    }

    @Test
    void aLoopIsRefusedNextToTheSuccessorInVietnamese() {
        login("admin");
        navigate("units/transfer");
        UnitTransferView view = _get(UnitTransferView.class);
        view.unit.setValue(unit(view, "SNV-08"));
        view.endDate.setValue(LocalDate.of(2025, 6, 1));
        view.successor.setValue(unit(view, "SNV-02"));

        _click(view.preview);

        assertFieldError(
                view.successor,
                "Sở Nội vụ tỉnh Hà Giang đã chuyển giao (trực tiếp hoặc qua đơn vị khác) cho chính đơn vị này:"
                        + " không thể chuyển giao vòng tròn");
        assertThat(view.confirm.isEnabled()).isFalse();
    }

    @Test
    void aWrongFileListsEachLineAndOffersNoConfirmation() {
        login("admin");
        navigate("units/transfer");
        TransferFilePanel panel = _get(UnitTransferView.class).filePanel;
        byte[] file = "unit_code,end_date,successor_code\nSNV-68,31/12/2025,SNV-XX\nSNV-48,hôm qua,SNV-01\n"
                .getBytes(StandardCharsets.UTF_8);

        vn.gov.moha.portal.ui.TestUploads.upload(panel.upload, "chuyen-giao.csv", "text/csv", file);

        assertThat(_size(panel.errorGrid)).isEqualTo(2);
        assertThat(_getFormatted(panel.errorGrid, 0, "reason")).isEqualTo("Không có đơn vị mã SNV-XX");
        assertThat(_getFormatted(panel.errorGrid, 1, "line")).isEqualTo("3");
        assertThat(panel.confirm.isEnabled()).isFalse();
        assertThat(panel.result.getText())
                .isEqualTo("Tệp có 2 lỗi; chưa áp dụng dòng nào. Đồng chí sửa tệp rồi tải lên lại.");
        assertThat(panel.mergerFile.getHref()).isNotBlank();
        assertThat(panel.template.getHref()).isNotBlank();
    }

    private static vn.gov.moha.portal.unit.OrgUnit unit(UnitTransferView view, String code) {
        return view.unit
                .getListDataView()
                .getItems()
                .filter(u -> u.getCode().equals(code))
                .findFirst()
                .orElseThrow();
    }
}
