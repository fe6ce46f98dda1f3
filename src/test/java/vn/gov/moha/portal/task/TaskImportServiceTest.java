package vn.gov.moha.portal.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import vn.gov.moha.portal.KaribuTest;
import vn.gov.moha.portal.PortalTest;
import vn.gov.moha.portal.common.InvalidInputException;
import vn.gov.moha.portal.task.TaskImportPreview.Problem;

/** A programme year's list from the ministry's workbook: every rule, and nothing saved while a row is wrong. */
@PortalTest
class TaskImportServiceTest extends KaribuTest {

    static final int YEAR = 2031;

    @Autowired
    TaskImportService imports;

    @Autowired
    TaskService tasks;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void removeTheYear() {
        removeYear(jdbc, YEAR);
    }

    static void removeYear(JdbcTemplate jdbc, int year) {
        jdbc.update("delete from priority_task where programme_year = ?", year);
        jdbc.update("delete from programme_year where programme_year = ?", year);
    }

    @Test
    void leadUnitsAreFoundByCodeOrByNameWithoutDiacriticsOrCaseAndTheListIsSavedAtOnce() {
        login("admin");
        byte[] file = Workbooks.of(
                Workbooks.header(),
                row(1, "Hoàn thiện thể chế về nội vụ", "V-pc", "Nguyễn Minh Quang", LocalDate.of(YEAR, 12, 31)),
                row(2, "Sắp xếp tổ chức bộ máy", "vu to chuc - bien che", "lanhdao2", "Quý II/" + YEAR),
                new Object[] {
                    3, "Việc làm cho thanh niên", null, "DEPARTMENT OF EMPLOYMENT", null, "Thường xuyên", "Jobs"
                });

        TaskImportPreview preview = imports.preview(YEAR, file);

        assertThat(preview.problems()).isEmpty();
        assertThat(preview.entries()).extracting(e -> e.leadUnit().getCode()).containsExactly("V-PC", "V-TCBC", "C-VL");
        assertThat(tasks.years()).extracting(ProgrammeYear::getYear).doesNotContain(YEAR);

        assertThat(imports.importYear(YEAR, file)).isEqualTo(3);

        List<PriorityTask> saved = tasks.tasksOf(YEAR, "");
        assertThat(saved).extracting(PriorityTask::getNumber).containsExactly(1, 2, 3);
        assertThat(saved.get(0).getDeadline()).isEqualTo("31/12/" + YEAR);
        assertThat(saved.get(0).getLeader().getUsername()).isEqualTo("lanhdao");
        assertThat(saved.get(1).getLeader().getUsername()).isEqualTo("lanhdao2");
        assertThat(saved.get(2).getTitleEn()).isEqualTo("Jobs");
        assertThat(saved.get(1).getTitleEn())
                .as("no English title: the Vietnamese one")
                .isEqualTo("Sắp xếp tổ chức bộ máy");
        assertThat(saved).noneMatch(PriorityTask::isLeadUnitProposed);
    }

    @Test
    void everyWrongRowIsNamedByLineAndColumnAndNothingIsSaved() {
        login("admin");
        byte[] file = Workbooks.of(
                Workbooks.header(),
                row(1, "Cải cách tiền lương", "Vụ Tiền lương", null, null),
                row(2, "", "Không có vụ này", "Ông Không Có", "x".repeat(101)),
                row(2, "Trùng số", "SNV-68", null, null),
                row(100, "Số quá lớn", "V-PC", null, null),
                new Object[] {null, null, null, null, null, null, null},
                row(5, "Đúng", "V-PC", null, null));

        TaskImportPreview preview = imports.preview(YEAR, file);

        assertThat(preview.problems())
                .extracting(Problem::line, Problem::column, Problem::key)
                .containsExactly(
                        tuple(2, "D", "task.import.error.unitEnded"),
                        tuple(3, "B", "error.required"),
                        tuple(3, "F", "task.import.error.tooLong"),
                        tuple(3, "D", "task.import.error.unitUnknown"),
                        tuple(3, "E", "task.import.error.leaderUnknown"),
                        tuple(4, "A", "task.import.error.numberTwice"),
                        tuple(4, "D", "task.error.leadUnitKind"),
                        tuple(5, "A", "task.error.number"));
        assertThat(preview.problems().get(0).args()).containsExactly("Vụ Tiền lương", "28/02/2025");
        assertThat(preview.problems().get(5).args()).containsExactly("3");
        assertThatThrownBy(() -> imports.importYear(YEAR, file))
                .isInstanceOfSatisfying(
                        TaskImportException.class, e -> assertThat(e.problems()).hasSize(8));
        assertThat(tasks.years()).extracting(ProgrammeYear::getYear).doesNotContain(YEAR);
        assertThat(tasks.tasksOf(YEAR, "")).isEmpty();
    }

    @Test
    void anEndedLeadUnitNamesItsSuccessorAndAUnitNotYetBegunIsRefused() {
        Long salaries = jdbc.queryForObject("select id from org_unit where code = 'V-TL'", Long.class);
        Long newDepartment = jdbc.queryForObject("select id from org_unit where code = 'C-TLBHXH'", Long.class);
        jdbc.update("update org_unit set successor_id = ? where id = ?", newDepartment, salaries);
        try {
            login("admin");
            TaskImportPreview preview =
                    imports.preview(YEAR, Workbooks.of(Workbooks.header(), row(1, "Tiền lương", "V-TL", null, null)));
            assertThat(preview.problems()).singleElement().satisfies(p -> {
                assertThat(p.key()).isEqualTo("task.import.error.unitEndedSuccessor");
                assertThat(p.args())
                        .containsExactly("Vụ Tiền lương", "28/02/2025", "C-TLBHXH – Cục Tiền lương và Bảo hiểm xã hội");
            });
        } finally {
            jdbc.update("update org_unit set successor_id = null where id = ?", salaries);
        }
        // the department of 1/3/2025 leads nothing of 2024
        Integer free = 2023;
        assertThat(imports.preview(free, Workbooks.of(Workbooks.header(), row(1, "Việc làm", "C-VL", null, null)))
                        .problems())
                .extracting(Problem::key)
                .containsExactly("task.import.error.unitNotYet");
    }

    @Test
    void aYearThatHasItsListAlreadyOrAFileThatIsNotAWorkbookIsRefusedWhole() {
        login("admin");
        byte[] good = Workbooks.of(Workbooks.header(), row(1, "Nhiệm vụ", "V-PC", null, null));

        assertThat(imports.preview(2024, good).problems())
                .extracting(Problem::line, Problem::key)
                .containsExactly(tuple(0, "task.import.error.yearHasTasks"));
        assertThat(imports.preview(YEAR, "number,title\n1,x\n".getBytes()).problems())
                .extracting(Problem::key)
                .containsExactly("task.import.error.notXlsx");
        assertThat(imports.preview(YEAR, Workbooks.of(Workbooks.header())).problems())
                .extracting(Problem::key)
                .containsExactly("task.import.error.noRows");
        assertThatThrownBy(() -> imports.importYear(1999, good))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).field()).isEqualTo("year"));
        assertThat(tasks.tasksOf(2024, "")).hasSize(10);
    }

    @Test
    void onlyTheAdministratorImports() {
        login("quanly");
        byte[] good = Workbooks.of(Workbooks.header(), row(1, "Nhiệm vụ", "V-PC", null, null));
        assertThatThrownBy(() -> imports.importYear(YEAR, good)).isInstanceOf(AccessDeniedException.class);
        assertThat(tasks.years()).extracting(ProgrammeYear::getYear).doesNotContain(YEAR);
    }

    @Test
    void theTemplateHasTheHeaderTheImportReads() {
        login("admin");
        byte[] template = imports.template(key -> key.endsWith("example.description") ? "Ví dụ" : key);
        // the template's example row is itself a valid list (V-PC exists every year)
        TaskImportPreview preview = imports.preview(YEAR, template);
        assertThat(preview.problems()).isEmpty();
        assertThat(preview.entries())
                .singleElement()
                .satisfies(e -> assertThat(e.leadUnit().getCode()).isEqualTo("V-PC"));
    }

    static Object[] row(int number, String title, String lead, String leader, Object deadline) {
        return new Object[] {number, title, "Mô tả " + number, lead, leader, deadline};
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }
}
