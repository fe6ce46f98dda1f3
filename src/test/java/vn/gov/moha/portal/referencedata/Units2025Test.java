package vn.gov.moha.portal.referencedata;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.gov.moha.portal.KaribuTest;
import vn.gov.moha.portal.PortalTest;
import vn.gov.moha.portal.unit.OrgUnit;
import vn.gov.moha.portal.unit.UnitKind;
import vn.gov.moha.portal.workflow.WorkflowFixture;
import vn.gov.moha.portal.workflow.assignment.Assignment;

/** The units of 2025 as the reference data (V1_1 and V23) leaves them, and history keeping its names. */
@PortalTest
class Units2025Test extends KaribuTest {

    @Autowired
    WorkflowFixture workflow;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void thuaThienHueBecameTheCityOfHueOnTheFirstOfJanuary2025() {
        OrgUnit province = workflow.unit("SNV-46");
        OrgUnit city = workflow.unit("SNV-46-25");

        assertThat(province.getNameVi()).isEqualTo("Sở Nội vụ tỉnh Thừa Thiên Huế");
        assertThat(province.getValidTo()).isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat(province.getSuccessor()).isEqualTo(city);
        assertThat(city.getNameVi()).isEqualTo("Sở Nội vụ thành phố Huế");
        assertThat(city.getValidFrom()).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(city.isValidOn(LocalDate.of(2025, 7, 1))).isTrue();
        assertThat(province.isValidOn(LocalDate.of(2025, 1, 1))).isFalse();
    }

    @Test
    void theMinistryHasTheDepartmentsOfDecree25From1March2025() {
        LocalDate before = LocalDate.of(2025, 2, 28);
        LocalDate after = LocalDate.of(2025, 3, 1);

        assertThat(departmentsValidOn(before))
                .hasSize(17)
                .contains("V-TL", "V-CTTN", "B-TGCP", "TT-TT")
                .doesNotContain("C-TLBHXH");
        // Article 3: 18 administrative organisations, and the IT centre among its public service units
        assertThat(departmentsValidOn(after))
                .hasSize(19)
                .contains("V-TCBC", "V-CCHC", "C-VTLT", "B-TDKT", "V-CTTNBDG", "C-TLBHXH", "C-VL", "C-QLLDNN", "C-NCC")
                .doesNotContain("V-TL", "V-CTTN", "B-TGCP", "TT-TT");
        // a successor only where a source says so (see the data file's header): none confirmed yet
        assertThat(workflow.unit("V-TL").getSuccessor()).isNull();
        assertThat(workflow.unit("C-TLBHXH").getNameEn()).isEqualTo("Department of Salaries and Social Insurance");
    }

    @Test
    void aReportOf2024KeepsTheNameTheUnitHadIn2024() {
        Assignment a = workflow.assignTask3ToLamDong();
        // work of 2024 for Thừa Thiên Huế (no new assignment can go to it now it has ended)
        jdbc.update(
                "update assignment set lead_unit_id = ?, deadline = ? where id = ?",
                workflow.unit("SNV-46").getId(),
                LocalDate.of(2024, 11, 30),
                a.getId());

        login("quanly");
        navigate("assignments/" + a.getId());
        assertThat(page()).contains("Sở Nội vụ tỉnh Thừa Thiên Huế").doesNotContain("thành phố Huế");

        newSession();
        login("quanly");
        useLocale(java.util.Locale.ENGLISH);
        navigate("assignments/" + a.getId());
        assertThat(page()).contains("Thừa Thiên Huế Department of Home Affairs").doesNotContain("Huế City");
    }

    /** The text of the page shown (the route's component and everything in it). */
    private static String page() {
        return UI.getCurrent()
                .getInternals()
                .getActiveRouterTargetsChain()
                .get(0)
                .getElement()
                .getOuterHTML();
    }

    private List<String> departmentsValidOn(LocalDate day) {
        return jdbc.queryForList(
                "select code from org_unit where kind = ? and valid_from <= ? and (valid_to is null or valid_to >= ?)",
                String.class,
                UnitKind.DEPARTMENT.name(),
                day,
                day);
    }
}
