package vn.gov.moha.portal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.gov.moha.portal.directory.TestDirectory;

/**
 * Sign-in with the ministry's directory through the real login form of the packaged portal, which BrowserExtension
 * points at its test LDAP server (TestDirectory, the people of ldap/people.ldif): a directory person sees their
 * unit's home page, a person in no mapped group is told why they cannot sign in, and a local demo account signs in
 * beside them.
 */
@ExtendWith(BrowserExtension.class)
class LdapIT {

    @Test
    void aDirectoryPersonSignsInOnTheLoginFormAndSeesTheirUnit(Browser browser, Portal startedWithTheDirectory) {
        browser.login("danhba.lamdong", TestDirectory.PASSWORD);
        browser.waitForText("Xin chào, Ka Nguyễn Thị Lành");
        assertThat(browser.bodyText()).contains("Sở Nội vụ tỉnh Lâm Đồng");
        browser.shot("directory-officer-home");
        browser.logout();

        browser.submitLogin("danhba.khongnhom", TestDirectory.PASSWORD);
        browser.waitForText("Tài khoản chưa được phân quyền trên Cổng");
        assertThat(browser.path()).startsWith("/login");
        browser.shot("directory-no-role");

        browser.submitLogin("danhba.lamdong", "Sai@2024");
        browser.waitForText("Tên đăng nhập hoặc mật khẩu không đúng");
        browser.shot("directory-wrong-password");

        browser.login("lamdong.cv");
        browser.waitForText("Xin chào, K'Hoàng Thị Hạnh");
    }
}
