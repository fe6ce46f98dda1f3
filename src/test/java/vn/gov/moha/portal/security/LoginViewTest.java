package vn.gov.moha.portal.security;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import org.junit.jupiter.api.Test;
import vn.gov.moha.portal.KaribuTest;
import vn.gov.moha.portal.PortalTest;

/** Nobody sees the portal without logging in. */
@PortalTest
class LoginViewTest extends KaribuTest {

    @Test
    void anonymousVisitorIsSentToLogin() {
        navigate("");

        _assertOne(LoginView.class);
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath())
                .isEqualTo("login");
    }
}
