package vn.gov.moha.portal.unit;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The unit lists' order, now compared on collation keys made once per name, is still Vietnamese collation's. */
class VietnameseOrderTest {

    private static final List<String> NAMES = List.of(
            "Gia Lai",
            "Đắk Lắk",
            "Điện Biên",
            "Đồng Nai",
            "Bà Rịa - Vũng Tàu",
            "An Giang",
            "Hà Nội",
            "Hà Giang",
            "Hải Phòng",
            "Hòa Bình",
            "Thừa Thiên Huế",
            "Thái Nguyên",
            "Thanh Hóa",
            "Vụ Tổ chức cán bộ",
            "Văn phòng Bộ",
            "Lâm Đồng",
            "Long An",
            "Ðiện Biên Phủ", // a look-alike capital letter (U+00D0), as typed on some keyboards
            "dak lak");

    @Test
    void ordersLikeTheCollatorItself() {
        Collator collator = Collator.getInstance(Locale.forLanguageTag("vi-VN"));
        for (int shuffle = 0; shuffle < 20; shuffle++) {
            List<String> names = new ArrayList<>(NAMES);
            Collections.shuffle(names, new java.util.Random(shuffle));
            List<String> expected = new ArrayList<>(names);
            expected.sort(collator);
            names.sort(UnitService.vietnamese());
            assertThat(names).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void nullsLastAndTheSameFromManyThreads() {
        String[] withNull = {"Hà Nội", null, "An Giang"};
        Arrays.sort(withNull, UnitService.vietnamese());
        assertThat(withNull).containsExactly("An Giang", "Hà Nội", null);

        List<String> expected = new ArrayList<>(NAMES);
        expected.sort(Collator.getInstance(Locale.forLanguageTag("vi-VN")));
        IntStream.range(0, 64).parallel().forEach(i -> {
            List<String> names = new ArrayList<>(NAMES);
            Collections.shuffle(names, new java.util.Random(i));
            names.sort(UnitService.vietnamese());
            assertThat(names).containsExactlyElementsOf(expected);
        });
    }
}
