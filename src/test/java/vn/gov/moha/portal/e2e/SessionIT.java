package vn.gov.moha.portal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/** Logout really ends the session; the language switch really changes the texts. */
@ExtendWith(BrowserExtension.class)
class SessionIT {

    @Test
    void logout(Browser browser) {
        browser.login("lamdong.cv");
        browser.menu("Đơn vị");
        browser.waitForText("Sở Nội vụ tỉnh Lâm Đồng");
        String protectedPath = browser.path();
        browser.shot("units-while-logged-in");

        browser.logout();
        browser.shot("logged-out");

        browser.driver.navigate().back();
        showsLoginNotData(browser, "back");
        browser.shot("back-after-logout");

        browser.driver.navigate().refresh();
        showsLoginNotData(browser, "reload");

        browser.open(protectedPath);
        showsLoginNotData(browser, protectedPath);
        browser.open("/assignments");
        showsLoginNotData(browser, "/assignments");
        browser.shot("protected-address-after-logout");
    }

    private static void showsLoginNotData(Browser browser, String how) {
        browser.loginForm();
        System.out.printf("[e2e] After logout, %s -> %s%n", how, browser.path());
        assertThat(browser.path()).as(how).startsWith("/login");
        assertThat(browser.driver.findElements(By.tagName("vaadin-app-layout"))).as(how).isEmpty();
        assertThat(browser.bodyText()).as(how).doesNotContain("K'Hoàng Thị Hạnh").doesNotContain("Sở Nội vụ tỉnh Lâm Đồng");
    }

    @Test
    void english(Browser browser) {
        browser.open("/login");
        browser.loginForm();
        browser.field("Tên đăng nhập");
        browser.shot("login-vietnamese");

        browser.click(By.cssSelector("vaadin-button.language-switch"));
        browser.field("Username");
        assertThat(browser.bodyText()).contains("Username", "Password")
                .doesNotContain("Tên đăng nhập").doesNotContain("Mật khẩu");
        browser.shot("login-english");

        browser.login("quanly");
        browser.waitForText("Hello, Lê Thị Thanh Hương");
        assertThat(browser.texts(By.cssSelector("vaadin-side-nav-item")))
                .anyMatch(t -> t.startsWith("My work")).anyMatch(t -> t.startsWith("Priority tasks"))
                .noneMatch(t -> t.startsWith("Việc cần xử lý")).noneMatch(t -> t.startsWith("Trang chủ"));
        assertThat(browser.bodyText()).contains("Log out").doesNotContain("Đăng xuất").doesNotContain("Xin chào");
        browser.shot("home-english");

        browser.click(By.cssSelector("vaadin-button.language-switch"));
        browser.waitForText("Xin chào, Lê Thị Thanh Hương");
        assertThat(browser.bodyText()).contains("Việc cần xử lý").doesNotContain("My work");
        browser.shot("home-vietnamese-again");
    }
}
