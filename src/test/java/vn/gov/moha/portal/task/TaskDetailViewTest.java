package vn.gov.moha.portal.task;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.gov.moha.portal.KaribuTest;
import vn.gov.moha.portal.PortalTest;

/** One task: everyone reads it, only ADMIN edits it, and the rules hold in the form. */
@PortalTest
class TaskDetailViewTest extends KaribuTest {

    private static final String EDIT = "Sửa nhiệm vụ";

    @Autowired
    TaskService tasks;

    @Test
    void leaderReadsTheTaskButCannotEditIt() {
        login("lanhdao");
        PriorityTask task = task(2);
        navigate("tasks/" + task.getId());

        assertThat(_get(H2.class).getText()).isEqualTo(task.getTitleVi());
        _assertNone(Button.class, s -> s.withText(EDIT));
    }

    @Test
    void adminCanEditTheTask() {
        login("admin");
        navigate("tasks/" + task(2).getId());

        _assertOne(Button.class, s -> s.withText(EDIT));
    }

    @Test
    void emptyVietnameseTitleIsRefusedNextToTheField() {
        login("admin");
        PriorityTask task = task(3);
        navigate("tasks/" + task.getId());

        _click(_get(Button.class, s -> s.withText(EDIT)));
        TaskDialog dialog = _get(TaskDialog.class);
        _setValue(dialog.titleVi, "");
        _click(dialog.save);

        assertFieldError(dialog.titleVi, "Vui lòng nhập thông tin này");
        _assertOne(TaskDialog.class);
        assertThat(tasks.find(task.getId()).orElseThrow().getTitleVi()).isEqualTo(task.getTitleVi());
    }

    private PriorityTask task(int number) {
        return tasks.tasksOf(2024, "").stream()
                .filter(t -> t.getNumber() == number)
                .findFirst()
                .orElseThrow();
    }
}
