package vn.gov.moha.portal.user;

import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.gov.moha.portal.KaribuTest;
import vn.gov.moha.portal.PortalTest;
import vn.gov.moha.portal.security.TokenAuthentication;

/** The profile page's access tokens: created and shown once, listed with their last use, revoked. */
@PortalTest
class ProfileViewTest extends KaribuTest {

    @Autowired
    ApiTokenService tokens;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aPersonCreatesATokenSeesItOnceListsAndRevokesIt() {
        login("lamdong.cv");
        navigate("profile");
        TokenSection section = _get(ProfileView.class).tokens;
        _setValue(section.name, "Hệ thống báo cáo Sở Nội vụ");
        _setValue(section.scope, ApiToken.Scope.READ_WRITE);
        _click(section.create);

        String secret =
                _get(TextField.class, spec -> spec.withId("token-secret")).getValue();
        assertThat(secret).startsWith("bnv_").hasSize(47);
        assertThat(jdbc.queryForList("select token_hash from api_token", String.class))
                .as("only the hash is stored")
                .containsExactly(ApiTokenService.hash(secret));
        TokenAuthentication auth = tokens.authenticate(secret).orElseThrow();
        assertThat(auth.tokenName()).isEqualTo("Hệ thống báo cáo Sở Nội vụ");
        assertThat(auth.mayWrite()).isTrue();

        // the list shows it, and its last use; the secret is never shown again
        navigate("profile");
        section = _get(ProfileView.class).tokens;
        assertThat(_size(section.grid)).isEqualTo(1);
        assertThat(section.created.isVisible()).isFalse();
        ApiToken listed = tokens.mine().get(0);
        assertThat(listed.getLastUsedAt()).isNotNull();
        assertThat(listed.getShownPrefix()).isEqualTo(secret.substring(0, 8));

        _click((Button) _getCellComponent(section.grid, 0, "action"));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));
        assertThat(tokens.authenticate(secret)).as("revoked: refused at once").isEmpty();
        assertThat(_getCellComponent(section.grid, 0, "action")).isInstanceOf(Span.class);
    }

    @Test
    void anExpiryBeyondAYearIsRefusedNextToTheField() {
        login("lamdong.cv");
        navigate("profile");
        TokenSection section = _get(ProfileView.class).tokens;
        _setValue(section.name, "Thử");
        section.expiresOn.setMax(null);
        _setValue(section.expiresOn, LocalDate.now().plusYears(1).plusDays(1));
        _click(section.create);
        assertFieldError(section.expiresOn, "Ngày hết hạn phải sau hôm nay và không quá một năm");
        assertThat(tokens.mine()).isEmpty();
    }

    @Test
    void anAdminListsEveryonesTokensAndRevokesOne() {
        login("lamdong.cv");
        String secret = tokens.create("Của Lâm Đồng", LocalDate.now().plusDays(10), ApiToken.Scope.READ)
                .secret();
        logout();
        login("admin");
        navigate("admin/users");
        _click(_get(UsersView.class).tokens);
        TokensDialog dialog = _get(TokensDialog.class);
        assertThat(_size(dialog.grid)).isEqualTo(1);
        _click((Button) _getCellComponent(dialog.grid, 0, "action"));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));
        assertThat(tokens.authenticate(secret)).isEmpty();
    }
}
