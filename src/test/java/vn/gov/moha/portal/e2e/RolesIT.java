package vn.gov.moha.portal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;

/** Each role logs in and lands on its own home page: its name, its role, its menu. */
@ExtendWith(BrowserExtension.class)
class RolesIT {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            admin          | Trần Quốc Huy      | Quản trị hệ thống        | quản trị người dùng, đơn vị       | Người dùng;Nhật ký hệ thống;Quy trình duyệt;Lịch làm việc     |
            lanhdao        | Nguyễn Minh Quang  | Lãnh đạo Bộ              | xem đơn vị chủ trì và lãnh đạo    | Bảng điều hành;Việc cần xử lý;Theo dõi nhiệm vụ                | Người dùng;Lịch làm việc
            quanly         | Lê Thị Thanh Hương | Chuyên viên quản lý (Vụ) | mà Bộ giao cho các đơn vị         | Việc cần xử lý;Giao nhiệm vụ;Đơn vị                           | Người dùng;Quy trình duyệt
            lamdong.truong | Phạm Văn Sơn       | Lãnh đạo đơn vị          | sẽ được đồng chí duyệt            | Việc cần xử lý;Theo dõi nhiệm vụ                               | Người dùng;Nhật ký hệ thống
            lamdong.cv     | K'Hoàng Thị Hạnh   | Chuyên viên đơn vị       | cập nhật tiến độ các nhiệm vụ     | Việc cần xử lý;Nhiệm vụ trọng tâm                              | Người dùng;Lịch làm việc
            """)
    void landing(
            String username,
            String fullName,
            String role,
            String intro,
            String menu,
            String notInMenu,
            Browser browser) {
        browser.login(username);
        browser.waitForText("Xin chào, " + fullName);
        assertThat(browser.texts(By.cssSelector(".navbar-user, .user-name"))).containsOnly(fullName);
        assertThat(browser.driver.findElement(By.cssSelector(".user-roles")).getText())
                .isEqualTo(role);
        assertThat(browser.bodyText()).contains(intro);
        List<String> entries = browser.texts(By.cssSelector("vaadin-side-nav-item"));
        System.out.printf("[e2e] %s sees the menu %s%n", username, entries);
        for (String entry : menu.split(";")) {
            assertThat(entries).as("menu of " + username).anyMatch(e -> e.startsWith(entry));
        }
        for (String entry : notInMenu == null ? new String[0] : notInMenu.split(";")) {
            assertThat(entries).as("menu of " + username).noneMatch(e -> e.startsWith(entry));
        }
        browser.shot("home");

        // a mistyped or old address, and a screen of another role, read alike: in Vietnamese, with the way home
        for (String address : List.of("nhiem-vu-cu/12", username.equals("admin") ? "admin/khong-co" : "admin/audit")) {
            browser.open("/" + address);
            browser.waitForText("Không tìm thấy trang");
            assertThat(browser.bodyText()).contains("/" + address).doesNotContain("Could not navigate");
        }

        // addresses the server refuses before any screen: the portal's own page, not Spring's English one
        for (String address : List.of("/reports/1;DROP", "/assignments//1")) {
            browser.openPage(address);
            browser.waitForText("Yêu cầu không hợp lệ");
            assertThat(browser.bodyText())
                    .contains("Bộ Nội vụ", "Về trang chủ")
                    .doesNotContain("Whitelabel")
                    .doesNotContain("Exception")
                    .doesNotContain("Bad Request");
        }
        browser.shot("refused-address");
        browser.click(By.cssSelector("a.home"));
        browser.waitForText("Xin chào, " + fullName);
    }
}
