package vn.gov.moha.portal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Not a test: the benchmark of the common steps in a real browser (docs/benchmarks.md, "Steps in the browser"),
 * run by {@code scripts/bench-steps.sh <production jar>}, which starts the jar with the demo work and points this
 * at it ({@code -Dportal.e2e.url}). Its name ends in neither Test nor IT, so {@code mvn verify} never runs it.
 *
 * <p>Four people, each in their own Chromium window: Lâm Đồng's officer ({@code lamdong.cv}) and head
 * ({@code lamdong.truong}), the manager of Vụ Cải cách hành chính ({@code quanly.cchc}, who assigned task 8) and the
 * leader in charge of task 8 ({@code lanhdao2}). Before the rounds, the officer starts a report on Lâm Đồng's task
 * 8 assignment and saves it as a draft. Each round: the officer opens the assignment list, the assignment, its
 * reports tab and the draft, changes the percentage and saves the draft, then submits it; the head, the manager and
 * the leader in turn open "Việc cần xử lý", open the report from it and approve it (three approvals, the whole
 * chain); the leader opens the dashboard; the officer starts the next draft on the same assignment (the last
 * report approved, a new one may be written). Timed: each click until no request in flight and the step's target
 * shown ({@link StepClock}). Submitting, typing and starting the next draft are not timed. {@code steps.warmup}
 * rounds (default 5) first, not recorded, then {@code steps.rounds} (default 30). Each round adds one report to
 * the assignment.
 */
@ExtendWith(BrowserExtension.class)
class BrowserStepsBench {

    private static final int WARMUP = Integer.getInteger("steps.warmup", 5);
    private static final int ROUNDS = Integer.getInteger("steps.rounds", 30);
    /** Task 8's title, as the officer's assignment list and the assignment's heading show it. */
    private static final String TASK_8 = "Đẩy mạnh cải cách hành chính";

    private final StepClock clock = new StepClock();

    @Test
    void steps(Browser officer, Browser head, Browser manager, Browser leader) {
        assertThat(System.getProperty("portal.e2e.url"))
                .as("run it with scripts/bench-steps.sh <production jar>: a portal with the demo work")
                .isNotBlank();
        login(officer, "lamdong.cv");
        login(head, "lamdong.truong");
        login(manager, "quanly.cchc");
        login(leader, "lanhdao2");

        // the first draft: the officer's task 8 assignment from the list, a new report saved
        officer.menu("Theo dõi nhiệm vụ");
        officer.click(By.xpath("//vaadin-grid[@id='assignments-grid']/vaadin-grid-cell-content"
                + "[contains(normalize-space(.), " + Browser.literal(TASK_8) + ")]"));
        String assignment = officer.path().replaceAll("[?#].*", "");
        assertThat(assignment).matches("/assignments/\\d+");
        newDraft(officer, 0);

        for (int round = 1; round <= WARMUP + ROUNDS; round++) {
            if (round == WARMUP + 1) {
                clock.record();
            }
            String report = officerRound(officer, round);
            approve(head, report);
            approve(manager, report);
            approve(leader, report);
            clock.step("open the dashboard", leader, menu("Bảng điều hành"), "#dashboard-matrix", "");
            officer.click(By.cssSelector("a.report-task")); // back to the assignment, by the report's link to it
            clock.install(officer); // (in case the link loaded the page anew)
            newDraft(officer, round);
            if (round % 5 == 0) {
                System.out.printf(Locale.ROOT, "[steps] round %d of %d done%n", round, WARMUP + ROUNDS);
            }
        }
        System.out.printf(
                Locale.ROOT,
                "[steps] %d rounds after %d warm-up rounds; times from the click to settled (no request in flight,"
                        + " the target shown), nearest-rank median and p95%n",
                ROUNDS,
                WARMUP);
        clock.table().forEach(line -> System.out.println("[steps] " + line));
        clock.lastRoundTrips().forEach(line -> System.out.println("[steps-sent] " + line));
        // what the last steps left on screen, to look at: the menu and a report just saved, on a desktop and a phone
        percent(officer, 42);
        officer.click(By.id("report-save"));
        officer.shot("report-draft-saved");
        leader.shot("dashboard");
        officer.driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        officer.idle();
        officer.shot("report-draft-saved-phone");
    }

    private void login(Browser browser, String username) {
        browser.wait.pollingEvery(java.time.Duration.ofMillis(25)); // the untimed waits too: the rounds go faster
        browser.login(username);
        clock.install(browser);
    }

    /** The officer, from wherever the last round left them: list, assignment, reports tab, draft, save, submit. */
    private String officerRound(Browser officer, int round) {
        clock.step(
                "open the assignment list",
                officer,
                menu("Theo dõi nhiệm vụ"),
                "#assignments-grid vaadin-grid-cell-content",
                TASK_8);
        clock.step(
                "open an assignment",
                officer,
                By.xpath("//vaadin-grid[@id='assignments-grid']/vaadin-grid-cell-content"
                        + "[contains(normalize-space(.), " + Browser.literal(TASK_8) + ")]"),
                "#assignment-view h2",
                TASK_8);
        clock.step(
                "open its reports tab",
                officer,
                By.xpath("//vaadin-tab[normalize-space(.)='Báo cáo tiến độ']"),
                "vaadin-grid-cell-content",
                "Bản nháp");
        clock.step(
                "open a report",
                officer,
                By.xpath("//vaadin-grid-cell-content[normalize-space(.)='Bản nháp']"),
                "#report-save",
                "");
        String report = officer.path().replaceAll("[?#].*", "").replace("/reports/", "");
        assertThat(report).matches("\\d+");
        percent(officer, 10 + round % 80);
        clock.step("save a draft", officer, By.id("report-save"), "vaadin-notification-card", "Đã lưu nháp");
        officer.clickButton("Gửi báo cáo");
        officer.waitForText("Đã gửi báo cáo");
        return report;
    }

    /** From "Việc cần xử lý": the report opened from its card and approved. */
    private void approve(Browser approver, String report) {
        String card = "mywork-approve-report-" + report;
        clock.step("my work: open", approver, menu("Việc cần xử lý"), "#" + card, "");
        clock.step("my work: open the report", approver, By.id(card), "#report-approve", "");
        clock.step("approve", approver, By.id("report-approve"), "vaadin-notification-card", "Đã duyệt");
    }

    /** On the assignment's page: "Lập báo cáo", the form filled in, saved as a draft (not timed). */
    private void newDraft(Browser officer, int round) {
        officer.click(By.id("assignment-write-report"));
        percent(officer, 10 + round % 80);
        officer.click(By.xpath("//vaadin-radio-button[normalize-space(.)='Đúng tiến độ']"));
        WebElement narrative = officer.driver.findElement(By.cssSelector("#report-narrative textarea"));
        narrative.sendKeys("Báo cáo đo tốc độ, vòng " + round + ": đã rà soát, tổng hợp số liệu.", Keys.TAB);
        officer.idle();
        officer.clickButton("Lưu nháp");
        officer.waitForText("Đã lưu nháp");
        officer.wait.until(d -> officer.path().startsWith("/reports/"));
    }

    private static void percent(Browser officer, int value) {
        WebElement input = officer.driver.findElement(By.cssSelector("#report-percent input"));
        officer.scrollTo(input);
        input.click();
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), String.valueOf(value), Keys.TAB);
        officer.idle();
    }

    /** A side menu entry by its text (the waiting-work count may follow it). */
    private static By menu(String text) {
        return By.xpath("//vaadin-side-nav-item[starts-with(normalize-space(.), " + Browser.literal(text) + ")]");
    }
}
