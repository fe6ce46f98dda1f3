package vn.gov.moha.portal.layout;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.gov.moha.portal.KaribuTest;
import vn.gov.moha.portal.PortalTest;
import vn.gov.moha.portal.security.PortalUser;

/** The frame every user sees: a menu with only what the roles may open, and who is logged in. */
@PortalTest
class MainLayoutTest extends KaribuTest {

    private static final List<String> EVERYONE = List.of(
            "Trang chủ",
            "Bảng điều hành",
            "Việc cần xử lý",
            "Nhiệm vụ trọng tâm",
            "Theo dõi nhiệm vụ",
            "Báo cáo định kỳ",
            "Báo cáo đột xuất, chuyên đề",
            "Đơn vị");

    @ParameterizedTest
    @CsvSource({
        "admin,          Quản trị hệ thống",
        "lanhdao,        Lãnh đạo Bộ",
        "quanly,         Chuyên viên quản lý (Vụ)",
        "lamdong.truong, Lãnh đạo đơn vị",
        "lamdong.cv,     Chuyên viên đơn vị"
    })
    void menuAndHeaderFollowTheRole(String username, String roleLabel) {
        PortalUser user = login(username);
        navigate("");

        List<String> expected = username.equals("admin")
                ? List.of(
                        "Trang chủ",
                        "Bảng điều hành",
                        "Việc cần xử lý",
                        "Nhiệm vụ trọng tâm",
                        "Theo dõi nhiệm vụ",
                        "Báo cáo định kỳ",
                        "Báo cáo đột xuất, chuyên đề",
                        "Đơn vị",
                        "Người dùng",
                        "Nhật ký hệ thống",
                        "Sao lưu dữ liệu",
                        "Quy trình duyệt",
                        "Lịch làm việc")
                : username.equals("quanly")
                        // only the manager assigns: the others follow the tasks
                        ? EVERYONE.stream()
                                .map(item -> item.equals("Theo dõi nhiệm vụ") ? "Giao nhiệm vụ" : item)
                                .toList()
                        : EVERYONE;
        assertThat(menuLabels()).containsExactlyElementsOf(expected);
        assertThat(_get(Span.class, s -> s.withClasses("navbar-user")).getText())
                .isEqualTo(user.fullName());
        assertThat(_get(Span.class, s -> s.withClasses("user-roles")).getText()).isEqualTo(roleLabel);
    }

    @Test
    void headerShowsTheDemoNamesFromTheAccountList() {
        login("lamdong.cv");
        navigate("");

        assertThat(_get(Span.class, s -> s.withClasses("navbar-user")).getText())
                .isEqualTo("K'Hoàng Thị Hạnh");
        assertThat(_get(Span.class, s -> s.withClasses("user-unit")).getText()).isEqualTo("Sở Nội vụ tỉnh Lâm Đồng");
    }

    @Test
    void englishSessionShowsEnglishMenu() {
        login("lanhdao");
        useLocale(Locale.ENGLISH);
        navigate("");

        assertThat(menuLabels())
                .containsExactly(
                        "Home",
                        "Dashboard",
                        "My work",
                        "Priority tasks",
                        "Task follow-up",
                        "Periodic reporting",
                        "Ad hoc and thematic reports",
                        "Units");
        assertThat(_get(Span.class, s -> s.withClasses("user-roles")).getText()).isEqualTo("Ministry leader");
    }
}
