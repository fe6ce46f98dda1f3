package vn.gov.moha.portal.task;

import static com.github.mvysny.kaributesting.v10.GridKt._clickItem;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import vn.gov.moha.portal.KaribuTest;
import vn.gov.moha.portal.PortalTest;
import vn.gov.moha.portal.unit.OrgUnit;
import vn.gov.moha.portal.unit.UnitKind;
import vn.gov.moha.portal.unit.UnitService;

/** The list of priority tasks, found however the user types Vietnamese. */
@PortalTest
class TasksViewTest extends KaribuTest {

    @Autowired
    TaskService tasks;

    @Autowired
    UnitService units;

    private static final int NUMBER = 0;
    private static final int LEAD_UNIT = 2;

    @Test
    void leaderSeesTheTenTasksOf2024() {
        login("lanhdao");
        navigate("tasks");
        TasksView view = _get(TasksView.class);

        assertThat(view.year.getValue()).isEqualTo(2024);
        assertThat(_size(view.grid)).isEqualTo(10);
        assertThat(column(view, NUMBER)).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
    }

    @ParameterizedTest
    @ValueSource(strings = {"to chuc bien che", "Tổ chức - Biên chế"})
    void searchFindsTheTasksOfALeadDepartmentWithOrWithoutDiacritics(String query) {
        login("lanhdao");
        navigate("tasks");
        TasksView view = _get(TasksView.class);

        _setValue(view.search, query);

        assertThat(column(view, NUMBER)).containsExactly("2", "3");
        assertThat(column(view, LEAD_UNIT)).containsOnly("Vụ Tổ chức - Biên chế (đề xuất)");
    }

    /**
     * The ten 2024 tasks were derived from the ministry's review article: the screen says so, and their lead units
     * are marked as proposed until an administrator picks another lead unit; a year copied from 2024 keeps the mark.
     */
    @Test
    void theDerivedTasksSayWhereTheyComeFromUntilAnAdministratorPicksTheLeadUnit() {
        login("lanhdao");
        navigate("tasks");
        TasksView view = _get(TasksView.class);
        assertThat(_get(Paragraph.class, p -> p.withClasses("provenance")).getText())
                .contains("21/12/2023", "không sao chép từ danh mục ban hành chính thức");
        assertThat(column(view, LEAD_UNIT)).allMatch(unit -> unit.endsWith(" (đề xuất)"));
        logout();

        login("admin");
        // Vụ Tiền lương (task 4) ended on 28/2/2025: its task goes to the department the administrator picks
        tasks.openYear(
                2030,
                2024,
                java.util.Map.of(unit("V-TL").getId(), unit("C-TLBHXH").getId()));
        PriorityTask first = tasks.tasksOf(2030, "").get(0);
        assertThat(first.isLeadUnitProposed()).as("copied with the year").isTrue();
        OrgUnit other = units.all().stream()
                .filter(u -> u.getKind() == UnitKind.DEPARTMENT
                        && !u.getId().equals(first.getLeadUnit().getId()))
                .findFirst()
                .orElseThrow();
        tasks.save(new TaskDraft(
                first.getId(),
                2030,
                first.getNumber(),
                first.getTitleVi(),
                first.getTitleEn(),
                null,
                other.getId(),
                null));
        assertThat(tasks.tasksOf(2030, "").get(0).isLeadUnitProposed())
                .as("lead unit picked by the administrator")
                .isFalse();
        assertThat(tasks.tasksOf(2030, "").get(1).isLeadUnitProposed()).isTrue();

        navigate("tasks");
        _setValue(_get(TasksView.class).year, 2030);
        assertThat(column(_get(TasksView.class), LEAD_UNIT).get(0)).isEqualTo(other.getNameVi());
    }

    @Test
    void clickingATaskOpensIt() {
        login("quanly");
        navigate("tasks");
        TasksView view = _get(TasksView.class);
        String title = GridKt._get(view.grid, 3).getTitleVi();

        _clickItem(view.grid, 3);

        _get(TaskDetailView.class);
        assertThat(_get(H2.class).getText()).isEqualTo(title);
    }

    private OrgUnit unit(String code) {
        return units.all().stream()
                .filter(u -> u.getCode().equals(code))
                .findFirst()
                .orElseThrow();
    }

    private static List<String> column(TasksView view, int column) {
        return IntStream.range(0, _size(view.grid))
                .mapToObj(row -> _getFormattedRow(view.grid, row).get(column))
                .toList();
    }
}
