package vn.gov.moha.portal.notification;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.ClickEvent;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.gov.moha.portal.KaribuTest;
import vn.gov.moha.portal.PortalTest;
import vn.gov.moha.portal.workflow.WorkflowFixture;
import vn.gov.moha.portal.workflow.assignment.Assignment;
import vn.gov.moha.portal.workflow.report.ProgressReport;

/** The bell in the layout: its count, the list it opens, a click that opens the screen and marks read. */
@PortalTest
class NotificationBellTest extends KaribuTest {

    @Autowired
    WorkflowFixture workflow;

    @Autowired
    NotificationFixture inbox;

    @Autowired
    NotificationService notifications;

    @Test
    void theBellCountsOpensTheListAndAClickOpensTheScreenAndMarksRead() {
        Assignment a = workflow.assignTask3ToLamDong();
        ProgressReport r = workflow.submitReport(a, 40);
        login("lamdong.truong"); // told of the assignment, then of the report waiting for his step
        navigate("");
        NotificationBell bell = _get(NotificationBell.class);
        assertThat(bell.badge.isVisible()).isTrue();
        assertThat(bell.badge.getText()).isEqualTo("2");

        bell.open();
        List<Div> items = _find(bell.popover, Div.class).stream()
                .filter(d -> d.hasClassName("notification-item"))
                .toList();
        List<String> texts = items.stream()
                .map(d -> _get(d, Span.class, s -> s.withClasses("notification-text"))
                        .getText())
                .toList();
        System.out.println("Bell of lamdong.truong: count " + bell.badge.getText() + ", list " + texts);
        assertThat(texts).hasSize(2);
        assertThat(texts.get(0))
                .as("newest first")
                .startsWith("Báo cáo của ")
                .endsWith(" về nhiệm vụ số 3 đang chờ đồng chí duyệt");
        assertThat(texts.get(1)).startsWith("Nhiệm vụ số 3 được giao, đơn vị chủ trì: ");
        assertThat(items).allMatch(d -> d.hasClassName("unread"));

        ComponentUtil.fireEvent(items.get(0), new ClickEvent<>(items.get(0)));
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath())
                .isEqualTo("reports/" + r.getId());
        assertThat(bell.badge.getText()).isEqualTo("1");
        assertThat(inbox.count("select count(*) from notification where read_at is not null"))
                .isEqualTo(1);

        bell.open();
        _click(bell.markAll);
        assertThat(bell.badge.isVisible()).isFalse();
        assertThat(notifications.unreadCount()).isZero();
    }

    @Test
    void theNotificationsPageListsAllAndTheSettingsSaveTheEmailChoices() {
        Assignment a = workflow.assignTask3ToLamDong();
        workflow.submitReport(a, 40);
        login("lamdong.truong");
        navigate("notifications");
        @SuppressWarnings("unchecked")
        Grid<NotificationItem> grid = _get(Grid.class);
        assertThat(GridKt._size(grid)).isEqualTo(2);
        assertThat(GridKt._get(grid, 0).kind()).isEqualTo(NotificationKind.REPORT_WAITING);

        navigate("notifications/settings");
        NotificationSettingsView settings = _get(NotificationSettingsView.class);
        assertThat(_find(Checkbox.class))
                .hasSize(NotificationKind.values().length)
                .allMatch(Checkbox::getValue);
        settings.boxes.get(NotificationKind.OVERDUE).setValue(false);
        _click(settings.save);
        assertThat(notifications.emailChoices())
                .containsEntry(NotificationKind.OVERDUE, false)
                .containsEntry(NotificationKind.ASSIGNED, true);
    }
}
