package vn.gov.moha.portal.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import vn.gov.moha.portal.KaribuTest;
import vn.gov.moha.portal.PortalTest;

/**
 * A screen the person may not open reads as an address the portal does not have (Vaadin does not reveal which
 * screens exist): a page in the person's language, with the way home. Unknown addresses are checked in a real
 * browser (RolesIT).
 */
@PortalTest
class NotFoundViewTest extends KaribuTest {

    @Test
    void aScreenOfAnotherRoleSaysNotFoundInVietnameseWithTheWayHome() {
        login("lamdong.cv");
        navigate("admin/audit");

        assertThat(_get(H2.class).getText()).isEqualTo("Không tìm thấy trang");
        assertThat(_get(Paragraph.class).getText()).contains("/admin/audit").contains("về trang chủ");
        assertThat(_get(Anchor.class, a -> a.withText("Về trang chủ")).getHref())
                .isEmpty();
    }

    @Test
    void anEnglishSessionReadsItInEnglish() {
        login("lanhdao");
        useLocale(Locale.ENGLISH);
        navigate("admin/users");

        assertThat(_get(H2.class).getText()).isEqualTo("Page not found");
        assertThat(_get(Anchor.class).getText()).isEqualTo("Back to the home page");
    }
}
