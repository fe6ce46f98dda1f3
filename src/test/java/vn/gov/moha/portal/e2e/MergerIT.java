package vn.gov.moha.portal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The 1/7/2025 province merger applied through the screen, on a portal with the demo's work in progress:
 * Hà Giang's open work is still with Hà Giang; the administrator ends it and transfers it to Tuyên Quang,
 * after a preview; Tuyên Quang's officer then finds the moved periodic task in her work and sends her report on
 * it (not approved, so no state changes), and its head approves
 * the report Hà Giang had sent, now Tuyên Quang's. The leader's dashboard counts the same work before and
 * after, except each merged pair once.
 */
@ExtendWith(BrowserExtension.class)
@BrowserExtension.DemoWork
class MergerIT {

    private static final String HA_GIANG = "Hà Giang";
    private static final String TUYEN_QUANG = "Sở Nội vụ tỉnh Tuyên Quang";
    private static final String TASK_2 = "Sắp xếp tổ chức bộ máy hành chính và đơn vị sự nghiệp công lập";

    @Test
    void haGiangsWorkMovesToTuyenQuang(Browser browser) {
        browser.login("lanhdao");
        Map<String, Integer> before = WorkflowIT.dashboardFigures(browser);
        browser.logout();

        // The administrator ends Hà Giang: the end date and the successor come from the unit's own data.
        browser.login("admin");
        browser.open("/units/transfer");
        browser.choose("Đơn vị kết thúc hoạt động", HA_GIANG, HA_GIANG);
        browser.wait.until(d -> d.findElement(By.cssSelector("#transfer-successor input"))
                .getDomProperty("value")
                .contains("Tuyên Quang"));
        browser.click(By.id("transfer-preview"));
        String merged = browser.wait
                .until(d -> d.findElement(By.id("transfer-count-merged")))
                .getText();
        String counts = browser.driver.findElement(By.id("transfer-counts")).getText();
        System.out.println("[e2e] transfer preview: " + counts.replace('\n', ' '));
        assertThat(browser.driver
                        .findElement(By.id("transfer-count-assignments"))
                        .getText())
                .as("open assignments to move")
                .matches("\\D*[1-9]\\d*\\D*");
        browser.shot("transfer-preview");
        browser.click(By.id("transfer-confirm"));
        browser.wait.until(
                d -> !d.findElement(By.id("transfer-result")).getText().isBlank());
        assertThat(browser.driver.findElement(By.id("transfer-result")).getText())
                .startsWith("Đã chuyển giao");
        browser.shot("transfer-done");
        browser.logout();

        // Tuyên Quang's officer finds the quarterly task Hà Giang owed a report on, and sends her own report on it:
        // the owed quarter is offered, the task's indicator is asked for, and the report waits at her head's step.
        browser.login("tuyenquang.cv");
        browser.menu("Việc cần xử lý");
        browser.waitForText(TASK_2);
        browser.shot("tuyenquang-officer-work");
        browser.click(By.xpath("//div[contains(@class, 'work-item')][.//span[contains(@class, 'task-title')]"
                + "[starts-with(normalize-space(.), " + Browser.literal("2. " + TASK_2) + ")]]//vaadin-button"));
        browser.wait.until(d -> !d.findElements(By.id("report-submit")).isEmpty());
        assertThat(browser.bodyText()).contains("Báo cáo tiến độ", TASK_2, "Quý IV/2026");
        browser.type("Tỷ lệ hoàn thành (%)", "60");
        browser.click(By.xpath("//vaadin-radio-button[normalize-space(.)='Đúng tiến độ']"));
        browser.type(
                "Nội dung báo cáo",
                "Sở Nội vụ tỉnh Tuyên Quang tiếp nhận nhiệm vụ của tỉnh Hà Giang; đã rà soát 12 đơn vị sự nghiệp.");
        browser.type("Kết quả: Số đơn vị sự nghiệp công lập giảm (đơn vị)", "3");
        browser.shot("tuyenquang-officer-report");
        browser.clickButton("Gửi báo cáo");
        browser.waitForText("Đang chờ bước 1: Lãnh đạo đơn vị");
        browser.shot("tuyenquang-officer-report-sent");
        browser.logout();

        // Its head approves the report Hà Giang's officer had sent, now Tuyên Quang's, at the same step.
        browser.login("tuyenquang.truong");
        browser.menu("Việc cần xử lý");
        browser.click(By.xpath("//div[contains(@class, 'work-item')][contains(., 'Báo cáo chờ đồng chí duyệt')]"
                + "[contains(., " + Browser.literal(TUYEN_QUANG) + ")][.//span[contains(@class, 'task-title')]"
                + "[starts-with(normalize-space(.), '3. ')]]//vaadin-button"));
        browser.type("Ý kiến (không bắt buộc) / Lý do trả lại", "Đồng ý.");
        browser.clickButton("Duyệt");
        browser.waitForText("Đang chờ bước 2");
        browser.shot("tuyenquang-head-approved");
        browser.logout();

        // The same work on the dashboard: done work stays where it was, each merged pair now counts once.
        browser.login("lanhdao");
        Map<String, Integer> after = WorkflowIT.dashboardFigures(browser);
        browser.shot("dashboard-after-transfer");
        System.out.printf("[e2e] dashboard before the transfer %s, after it %s (%s)%n", before, after, merged);
        int mergedPairs = Integer.parseInt(merged.replaceAll("\\D", ""));
        assertThat(after.get("total")).isEqualTo(before.get("total") - mergedPairs);
        assertThat(after.get("DONE_ON_TIME")).isEqualTo(before.get("DONE_ON_TIME"));
        assertThat(after.get("DONE_LATE")).isEqualTo(before.get("DONE_LATE"));
        // the officer's report is sent, not approved: no assignment changes state because of it
        assertThat(after.get("IN_PROGRESS_OVERDUE")).isEqualTo(before.get("IN_PROGRESS_OVERDUE"));
        assertThat(after.get("IN_PROGRESS_ON_TIME")).isEqualTo(before.get("IN_PROGRESS_ON_TIME") - mergedPairs);
    }
}
