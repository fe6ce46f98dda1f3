package vn.gov.moha.portal.task;

import static com.github.mvysny.kaributesting.v10.GridKt._clickItem;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.html.H2;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.gov.moha.portal.KaribuTest;
import vn.gov.moha.portal.PortalTest;

/** The list of priority tasks, found however the user types Vietnamese. */
@PortalTest
class TasksViewTest extends KaribuTest {

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
        assertThat(column(view, LEAD_UNIT)).containsOnly("Vụ Tổ chức - Biên chế");
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

    private static List<String> column(TasksView view, int column) {
        return IntStream.range(0, _size(view.grid))
                .mapToObj(row -> _getFormattedRow(view.grid, row).get(column))
                .toList();
    }
}
