package vn.gov.moha.portal.unit;

import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import vn.gov.moha.portal.KaribuTest;

/** Units are found by name typed without diacritics. */
class UnitsViewTest extends KaribuTest {

    @Test
    void searchWithoutDiacriticsFindsLamDong() {
        login("lamdong.cv");
        navigate("units");

        _setValue(_get(TextField.class, s -> s.withPlaceholder("Tìm theo mã hoặc tên đơn vị (có dấu hoặc không dấu)")),
                "lam dong");

        Grid<?> grid = _get(Grid.class);
        assertThat(_size(grid)).isEqualTo(1);
        assertThat(_getFormattedRow(grid, 0)).startsWith("SNV-68", "Sở Nội vụ tỉnh Lâm Đồng");
        assertThat(_get(Span.class, s -> s.withClasses("count")).getText()).isEqualTo("1 mục");
    }
}
