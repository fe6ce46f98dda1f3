package vn.gov.moha.portal.task;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.select.Select;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.gov.moha.portal.KaribuTest;
import vn.gov.moha.portal.PortalTest;
import vn.gov.moha.portal.common.InvalidInputException;
import vn.gov.moha.portal.unit.OrgUnit;
import vn.gov.moha.portal.unit.UnitService;

/**
 * Copying last year's list checks its lead units as the import does: an ended one is pointed out with its
 * successor and must be replaced; and the screens open on the newest year that has tasks.
 */
@PortalTest
class ProgrammeYearCopyTest extends KaribuTest {

    static final int YEAR = 2032;

    @Autowired
    TaskService tasks;

    @Autowired
    UnitService units;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void removeTheYears() {
        TaskImportServiceTest.removeYear(jdbc, YEAR);
        TaskImportServiceTest.removeYear(jdbc, 2026);
        jdbc.update("update org_unit set successor_id = null where code = 'V-TL'");
    }

    @Test
    void anEndedLeadUnitMustBeReplacedAndItsSuccessorIsOffered() {
        login("admin");
        assertThat(tasks.endedLeadUnits(YEAR, 2024)).singleElement().satisfies(e -> {
            assertThat(e.unit().getCode()).isEqualTo("V-TL");
            assertThat(e.tasks()).containsExactly(4);
            assertThat(e.successor()).isNull();
        });

        assertThatThrownBy(() -> tasks.openYear(YEAR, 2024, Map.of()))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                            assertThat(p.field()).isEqualTo("copyFrom");
                            assertThat(p.messageKey()).isEqualTo("task.error.copyEndedUnit");
                        }));
        assertThatThrownBy(() -> tasks.openYear(
                        YEAR, 2024, Map.of(unit("V-TL").getId(), unit("V-CTTN").getId())))
                .as("the replacement ended too")
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).messageKey()).isEqualTo("task.error.replacementNotValid"));
        assertThat(tasks.years()).extracting(ProgrammeYear::getYear).doesNotContain(YEAR);

        tasks.openYear(YEAR, 2024, Map.of(unit("V-TL").getId(), unit("C-TLBHXH").getId()));

        PriorityTask four = tasks.tasksOf(YEAR, "").get(3);
        assertThat(four.getLeadUnit().getCode()).isEqualTo("C-TLBHXH");
        assertThat(four.isLeadUnitProposed()).as("picked by the administrator").isFalse();
        assertThat(tasks.tasksOf(YEAR, "").get(0).getLeadUnit().getCode()).isEqualTo("V-PC");
    }

    @Test
    void theDialogPointsOutTheEndedUnitAndPicksItsSuccessor() {
        jdbc.update(
                "update org_unit set successor_id = (select id from org_unit where code = 'C-TLBHXH') where code = 'V-TL'");
        login("admin");
        navigate("tasks");
        NewYearDialog dialog = new NewYearDialog(tasks, units, y -> {});
        dialog.open();
        _setValue(dialog.year, YEAR);
        _setValue(dialog.copyFrom, 2024);

        assertThat(dialog.replacements).hasSize(1);
        ComboBox<OrgUnit> pick = dialog.replacements.values().iterator().next();
        assertThat(pick.getLabel()).isEqualTo("Vụ Tiền lương (kết thúc 28/02/2025) · nhiệm vụ 4");
        assertThat(pick.getValue().getCode()).isEqualTo("C-TLBHXH");
        assertThat(pick.getHelperText()).isEqualTo("Đơn vị kế tiếp: Cục Tiền lương và Bảo hiểm xã hội");
    }

    @Test
    void theScreensOpenOnTheNewestYearThatHasTasksNotOnAnEmptyNewYear() {
        login("admin");
        tasks.openYear(2026, null, null);
        assertThat(tasks.currentYear().orElseThrow().getYear()).isEqualTo(2024);
        logout();

        login("lanhdao");
        navigate("tasks");
        assertThat(_get(TasksView.class).year.getValue()).isEqualTo(2024);
        navigate("");
        assertThat(_get(H3.class, spec -> spec.withText("Nhiệm vụ trọng tâm năm 2024")))
                .isNotNull();
        navigate("dashboard");
        assertThat(_find(Select.class, spec -> spec.withLabel("Năm")))
                .singleElement()
                .satisfies(year -> assertThat(year.getValue()).isEqualTo(2024));
    }

    private OrgUnit unit(String code) {
        return units.all().stream()
                .filter(u -> u.getCode().equals(code))
                .findFirst()
                .orElseThrow();
    }
}
