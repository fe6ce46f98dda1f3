package vn.gov.moha.portal.directory;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.server.VaadinSession;
import java.util.EnumSet;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.web.WebAttributes;
import vn.gov.moha.portal.KaribuTest;
import vn.gov.moha.portal.PortalTest;
import vn.gov.moha.portal.common.InvalidInputException;
import vn.gov.moha.portal.security.DirectoryRefusal;
import vn.gov.moha.portal.security.PortalUser;
import vn.gov.moha.portal.security.Role;
import vn.gov.moha.portal.user.DirectoryAccounts;
import vn.gov.moha.portal.user.UserService;

/** Directory accounts without a directory: no local password for them, and the login form's directory messages. */
@PortalTest
class DirectoryAccountsTest extends KaribuTest {

    @Autowired
    DirectoryAccounts accounts;

    @Autowired
    UserService users;

    @Autowired
    JdbcTemplate db;

    @AfterEach
    void forget() {
        db.update("delete from app_user where directory = true");
    }

    @Test
    void anAdminCannotGiveADirectoryAccountALocalPassword() {
        PortalUser person = accounts.signIn(new DirectoryAccounts.Person(
                        "danhba.test", "Người Danh Bạ", "", EnumSet.of(Role.MANAGER), null))
                .orElseThrow();
        assertThat(accounts.kind("danhba.test")).isEqualTo(DirectoryAccounts.Kind.DIRECTORY);
        assertThat(accounts.kind("quanly")).isEqualTo(DirectoryAccounts.Kind.LOCAL);

        login("admin");
        assertThatThrownBy(() -> users.resetPassword(person.id(), "MatKhau@Moi1"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("user.error.directoryPassword");
    }

    private String loginMessage(DirectoryRefusal.Reason reason) {
        VaadinSession.getCurrent()
                .getSession()
                .setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION, new DirectoryRefusal(reason, "test"));
        com.vaadin
                .flow
                .component
                .UI
                .getCurrent()
                .navigate("login", com.vaadin.flow.router.QueryParameters.of("error", ""));
        LoginForm form = _get(LoginForm.class);
        assertThat(form.isError()).isTrue();
        return errorMessage(form);
    }

    /** The error text the form's i18n property carries to the browser. */
    private static String errorMessage(LoginForm form) {
        String json = String.valueOf(form.getElement().getPropertyRaw("i18n"));
        java.util.regex.Matcher message = java.util.regex.Pattern.compile(
                        "\"errorMessage\":\\{[^}]*\"message\":\"([^\"]*)\"")
                .matcher(json);
        assertThat(message.find()).as(json).isTrue();
        return message.group(1);
    }

    @Test
    void theLoginFormTellsADirectoryRefusalsReasonInVietnameseAndEnglish() {
        assertThat(loginMessage(DirectoryRefusal.Reason.NO_ROLE))
                .isEqualTo("Tài khoản chưa được phân quyền trên Cổng: đề nghị đồng chí liên hệ quản trị viên.");
        assertThat(loginMessage(DirectoryRefusal.Reason.DOWN)).contains("không kết nối được hệ thống danh bạ");
        assertThat(loginMessage(DirectoryRefusal.Reason.DISABLED)).contains("vô hiệu hóa");

        useLocale(Locale.ENGLISH);
        assertThat(loginMessage(DirectoryRefusal.Reason.NO_ROLE)).contains("no role on the portal");
        assertThat(loginMessage(DirectoryRefusal.Reason.DOWN)).contains("directory cannot be reached");
    }

    @Test
    void anyOtherRefusalKeepsTheOneMessageForAll() {
        VaadinSession.getCurrent()
                .getSession()
                .setAttribute(
                        WebAttributes.AUTHENTICATION_EXCEPTION,
                        new org.springframework.security.authentication.BadCredentialsException("x"));
        com.vaadin
                .flow
                .component
                .UI
                .getCurrent()
                .navigate("login", com.vaadin.flow.router.QueryParameters.of("error", ""));
        assertThat(errorMessage(_get(LoginForm.class))).startsWith("Tên đăng nhập hoặc mật khẩu không đúng");
    }
}
