package vn.gov.moha.portal;

import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.TabSheetsKt.get_tabs;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.dom.Element;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import vn.gov.moha.portal.security.Role;
import vn.gov.moha.portal.task.TaskService;
import vn.gov.moha.portal.workflow.WorkflowFixture;
import vn.gov.moha.portal.workflow.assignment.Assignment;
import vn.gov.moha.portal.workflow.report.ProgressReport;

/**
 * A missing translation shows as {@code !key!}. Every screen each role can reach, in both
 * languages, is walked: texts, labels, placeholders, helper texts and every other property or
 * attribute of every visible component, every tab of a tab sheet, and the cells of every grid.
 * The workflow screens show task 3 assigned to Lâm Đồng with a submitted report.
 */
@PortalTest
class NoRawTranslationKeysTest extends KaribuTest {

    @Autowired
    WorkflowFixture workflow;

    @Autowired
    TaskService tasks;

    private static final Pattern RAW_KEY = Pattern.compile("![a-z]+\\.[A-Za-z0-9_.]+!");

    static Stream<Arguments> rolesAndLanguages() {
        return Stream.of("admin", "lanhdao", "quanly", "lamdong.truong", "lamdong.cv")
                .flatMap(user -> Stream.of(Arguments.of(user, "vi"), Arguments.of(user, "en")));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("rolesAndLanguages")
    void everyReachableScreenIsTranslated(String username, String language) {
        Assignment assignment = workflow.assignTask3ToLamDong();
        ProgressReport report = workflow.submitReport(assignment, 40);
        boolean admin = login(username).has(Role.ADMIN);
        useLocale(Locale.forLanguageTag(language));
        List<String> routes = new ArrayList<>(List.of(
                "",
                "tasks",
                "tasks/" + tasks.tasksOf(2024, "").get(0).getId(),
                "units",
                "my-work",
                "assignments",
                "assignments/" + assignment.getId(),
                "reports/" + report.getId(),
                "notifications",
                "notifications/settings"));
        if (admin) {
            routes.addAll(List.of("admin/users", "admin/audit", "admin/calendar"));
        }
        for (String route : routes) {
            navigate(route);
            assertTranslated("/" + route);
            for (TabSheet sheet : _find(TabSheet.class)) {
                for (int tab = 0; tab < get_tabs(sheet).getComponentCount(); tab++) {
                    sheet.setSelectedIndex(tab);
                    assertTranslated("/" + route + " › tab " + tab);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"vi", "en"})
    void adminDialogsAreTranslated(String language) {
        login("admin");
        useLocale(Locale.forLanguageTag(language));
        boolean vi = language.equals("vi");

        openAndCheck("admin/users", vi ? "Thêm người dùng" : "Add user");
        openAndCheck("units", vi ? "Thêm đơn vị" : "Add unit");
        openAndCheck("tasks", vi ? "Thêm nhiệm vụ" : "Add task");
        openAndCheck("tasks", vi ? "Mở năm mới" : "Open new year");
        openAndCheck("tasks/" + tasks.tasksOf(2024, "").get(0).getId(), vi ? "Sửa nhiệm vụ" : "Edit task");
        openAndCheck("admin/calendar", vi ? "Thêm ngày" : "Add a day");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"vi", "en"})
    void workflowDialogsAreTranslated(String language) {
        Assignment assignment = workflow.assignTask3ToLamDong();
        boolean vi = language.equals("vi");

        login("quanly");
        useLocale(Locale.forLanguageTag(language));
        openAndCheck("assignments", vi ? "Giao nhiệm vụ" : "Assign task");
        openAndCheck("assignments/" + assignment.getId(), vi ? "Điều chỉnh / giao lại" : "Adjust / reassign");
        logout();

        login("lamdong.cv");
        openAndCheck("assignments/" + assignment.getId(), vi ? "Đề nghị gia hạn" : "Ask for an extension");
        navigate("assignments/" + assignment.getId() + "/report");
        assertTranslated("new report");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"vi", "en"})
    void loginScreenIsTranslated(String language) {
        useLocale(Locale.forLanguageTag(language));
        navigate("login");
        assertTranslated("/login");
    }

    @Test
    void walkerSeesTitlesHeadersPlaceholdersAndCells() {
        login("admin");
        navigate("tasks");
        assertThat(visibleTexts())
                .contains(
                        "Nhiệm vụ trọng tâm",
                        "Đơn vị chủ trì",
                        "Tìm nhiệm vụ, đơn vị chủ trì, " + "lãnh đạo (có dấu hoặc không dấu)",
                        "Vụ Tổ chức - Biên chế (đề xuất)");
    }

    private void openAndCheck(String route, String button) {
        navigate(route);
        _click(_get(Button.class, s -> s.withText(button)));
        assertTranslated(route + " › " + button);
        _get(Dialog.class).close();
    }

    private static void assertTranslated(String where) {
        assertThat(visibleTexts().stream()
                        .filter(text -> RAW_KEY.matcher(text).find())
                        .distinct())
                .as("untranslated keys on %s", where)
                .isEmpty();
    }

    private static List<String> visibleTexts() {
        List<String> texts = new ArrayList<>();
        for (Component component : _find(Component.class)) {
            Element element = component.getElement();
            texts.add(element.getText());
            element.getPropertyNames().forEach(name -> texts.add(String.valueOf(element.getPropertyRaw(name))));
            element.getAttributeNames().forEach(name -> texts.add(element.getAttribute(name)));
            if (component instanceof Grid<?> grid) {
                texts.add(grid.getEmptyStateText());
                grid.getColumns().forEach(column -> texts.add(column.getHeaderText()));
                for (int row = 0; row < _size(grid); row++) {
                    texts.addAll(_getFormattedRow(grid, row));
                }
            }
        }
        texts.removeIf(Objects::isNull);
        return texts;
    }
}
