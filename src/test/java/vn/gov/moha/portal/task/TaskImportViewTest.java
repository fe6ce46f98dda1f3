package vn.gov.moha.portal.task;

import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.gov.moha.portal.KaribuTest;
import vn.gov.moha.portal.PortalTest;
import vn.gov.moha.portal.ui.TestUploads;

/** The administrator imports a programme year's list: errors by line and column first, then the saved list. */
@PortalTest
class TaskImportViewTest extends KaribuTest {

    static final int YEAR = TaskImportServiceTest.YEAR;

    @Autowired
    TaskService tasks;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void removeTheYear() {
        TaskImportServiceTest.removeYear(jdbc, YEAR);
    }

    private TaskImportView open() {
        login("admin");
        navigate("tasks/import");
        TaskImportView view = _get(TaskImportView.class);
        _setValue(view.year, YEAR);
        return view;
    }

    @Test
    void aWrongRowIsShownWithItsLineColumnAndReasonAndNothingCanBeSaved() {
        TaskImportView view = open();

        TestUploads.upload(
                view.upload,
                "danh-muc.xlsx",
                TaskImportView.XLSX,
                Workbooks.of(
                        Workbooks.header(),
                        TaskImportServiceTest.row(1, "Cải cách tiền lương", "vu tien luong", null, null),
                        TaskImportServiceTest.row(2, "Sắp xếp bộ máy", "V-TCBC", null, null)));

        assertThat(view.summary.getText())
                .isEqualTo("Tệp chưa nhập được: 2 dòng nhiệm vụ, 1 lỗi. Chưa có gì được lưu cho năm " + YEAR
                        + "; đồng chí sửa tệp rồi tải lên lại.");
        assertThat(_size(view.problems)).isEqualTo(1);
        assertThat(_getFormattedRow(view.problems, 0))
                .containsExactly(
                        "2",
                        "D · Đơn vị chủ trì (mã hoặc tên)",
                        "Vụ Tiền lương đã kết thúc ngày 28/02/2025, không chủ trì được nhiệm vụ của năm này");
        assertThat(view.confirm.isVisible()).isFalse();
        assertThat(tasks.tasksOf(YEAR, "")).isEmpty();
    }

    @Test
    void aGoodFileIsPreviewedThenSavedOnConfirming() {
        TaskImportView view = open();

        TestUploads.upload(
                view.upload,
                "danh-muc.xlsx",
                TaskImportView.XLSX,
                Workbooks.of(
                        Workbooks.header(),
                        TaskImportServiceTest.row(
                                1, "Hoàn thiện thể chế", "vụ pháp chế", "Nguyễn Minh Quang", "Thường xuyên"),
                        TaskImportServiceTest.row(2, "Sắp xếp bộ máy", "V-TCBC", null, null)));

        assertThat(view.problems.isVisible()).isFalse();
        assertThat(_getFormattedRow(view.rows, 0))
                .containsExactly("1", "Hoàn thiện thể chế", "Vụ Pháp chế", "Nguyễn Minh Quang", "Thường xuyên");
        assertThat(tasks.tasksOf(YEAR, "")).as("nothing before confirming").isEmpty();
        assertThat(view.confirm.getText()).isEqualTo("Lưu 2 nhiệm vụ vào năm " + YEAR);

        _click(view.confirm);

        assertThat(tasks.tasksOf(YEAR, "")).extracting(PriorityTask::getNumber).containsExactly(1, 2);
        assertThat(view.summary.getText()).isEqualTo("Đã lưu 2 nhiệm vụ của năm " + YEAR + ".");
        assertThat(view.confirm.isVisible()).isFalse();
        assertThat(view.toList.isVisible()).isTrue();
    }

    @Test
    void inEnglishTheProblemsAreInEnglish() {
        login("admin");
        useLocale(Locale.ENGLISH);
        navigate("tasks/import");
        TaskImportView view = _get(TaskImportView.class);
        _setValue(view.year, YEAR);

        TestUploads.upload(
                view.upload,
                "list.xlsx",
                TaskImportView.XLSX,
                Workbooks.of(Workbooks.header(), TaskImportServiceTest.row(1, "", "Nowhere", null, null)));

        assertThat(_getFormattedRow(view.problems, 0))
                .containsExactly("2", "B · Task title", "Please fill in this field");
        assertThat(_getFormattedRow(view.problems, 1))
                .containsExactly("2", "D · Lead unit (code or name)", "No unit has the code or name 'Nowhere'");
    }
}
