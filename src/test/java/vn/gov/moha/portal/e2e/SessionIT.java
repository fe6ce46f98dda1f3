package vn.gov.moha.portal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
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

    /**
     * The packaged portal refuses a login posted without the login page's token (login CSRF: another site cannot
     * log a visitor in under an account of its choosing), answers with its own page, and its session cookie is
     * SameSite=Lax; the login form in the browser carries its page's token and logs in.
     */
    @Test
    void aLoginWithoutTheFormsTokenIsRefused(Browser browser) throws Exception {
        HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build(); // no cookies
        HttpResponse<String> page = http.send(
                HttpRequest.newBuilder(URI.create(browser.baseUrl() + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        List<String> cookies = page.headers().allValues("Set-Cookie");
        System.out.println("[e2e] session cookie of the packaged portal: " + cookies);
        assertThat(cookies)
                .filteredOn(c -> c.startsWith("JSESSIONID"))
                .isNotEmpty()
                .allSatisfy(c -> assertThat(c).contains("HttpOnly", "SameSite=Lax"));

        HttpResponse<String> forged = http.send(
                HttpRequest.newBuilder(URI.create(browser.baseUrl() + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Origin", "https://trang-la.example")
                        .POST(HttpRequest.BodyPublishers.ofString("username=lamdong.cv&password=Demo%402024"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        System.out.println("[e2e] login posted without the token -> " + forged.statusCode());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("Yêu cầu không được chấp nhận").doesNotContain("Whitelabel");

        for (String address : List.of("/reports/1;DROP", "/assignments//1")) {
            HttpResponse<String> refused = http.send(
                    HttpRequest.newBuilder(URI.create(browser.baseUrl() + address))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).as(address).isEqualTo(400);
            assertThat(refused.body())
                    .as(address)
                    .contains("Yêu cầu không hợp lệ")
                    .doesNotContain("Whitelabel");
        }

        browser.login("lamdong.cv");
        browser.waitForText("Xin chào, K'Hoàng Thị Hạnh");
    }

    private static void showsLoginNotData(Browser browser, String how) {
        browser.loginForm();
        System.out.printf("[e2e] After logout, %s -> %s%n", how, browser.path());
        assertThat(browser.path()).as(how).startsWith("/login");
        assertThat(browser.driver.findElements(By.tagName("vaadin-app-layout")))
                .as(how)
                .isEmpty();
        assertThat(browser.bodyText())
                .as(how)
                .doesNotContain("K'Hoàng Thị Hạnh")
                .doesNotContain("Sở Nội vụ tỉnh Lâm Đồng");
    }

    @Test
    void english(Browser browser) {
        browser.open("/login");
        browser.loginForm();
        browser.field("Tên đăng nhập");
        browser.shot("login-vietnamese");

        browser.click(By.cssSelector("vaadin-button.language-switch"));
        browser.field("Username");
        assertThat(browser.bodyText())
                .contains("Username", "Password")
                .doesNotContain("Tên đăng nhập")
                .doesNotContain("Mật khẩu");
        browser.shot("login-english");

        browser.login("quanly");
        browser.waitForText("Hello, Lê Thị Thanh Hương");
        assertThat(browser.texts(By.cssSelector("vaadin-side-nav-item")))
                .anyMatch(t -> t.startsWith("My work"))
                .anyMatch(t -> t.startsWith("Priority tasks"))
                .noneMatch(t -> t.startsWith("Việc cần xử lý"))
                .noneMatch(t -> t.startsWith("Trang chủ"));
        assertThat(browser.bodyText())
                .contains("Log out")
                .doesNotContain("Đăng xuất")
                .doesNotContain("Xin chào");
        browser.shot("home-english");

        browser.click(By.cssSelector("vaadin-button.language-switch"));
        browser.waitForText("Xin chào, Lê Thị Thanh Hương");
        assertThat(browser.bodyText()).contains("Việc cần xử lý").doesNotContain("My work");
        browser.shot("home-vietnamese-again");
    }
}
