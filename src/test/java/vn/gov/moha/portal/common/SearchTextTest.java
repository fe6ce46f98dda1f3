package vn.gov.moha.portal.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchTextTest {

    @Test
    void findsVietnameseWithOrWithoutDiacritics() {
        String folded = SearchText.of("SNV-68", "Sở Nội vụ tỉnh Lâm Đồng");
        assertThat(SearchText.matches(folded, "lam dong")).isTrue();
        assertThat(SearchText.matches(folded, "LÂM ĐỒNG")).isTrue();
        assertThat(SearchText.matches(folded, "  so   noi vu  ")).isTrue();
        assertThat(SearchText.matches(folded, "dong lam")).isTrue();
        assertThat(SearchText.matches(folded, "ha noi")).isFalse();
        assertThat(SearchText.matches(folded, "")).isTrue();
    }

    @Test
    void foldsEveryVietnameseVowelAndD() {
        assertThat(SearchText.fold("Đắk Lắk, Thừa Thiên Huế, Quảng Ngãi, ỹ ự ở"))
                .isEqualTo("dak lak, thua thien hue, quang ngai, y u o");
    }
}
