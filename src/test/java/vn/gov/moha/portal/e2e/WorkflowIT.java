package vn.gov.moha.portal.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The whole workflow in a real browser, each person logging in through the login form: the
 * manager assigns task 2 to Sở Nội vụ Lâm Đồng with a digitally signed decision, its officer sees
 * the signature checked, reports 100 % with a PDF and submits; days pass and the deadline with
 * them; the province's head, the task's department manager and a leader approve in turn, late;
 * the leader finds the assignment done on time (the day the unit sent it), every step in its
 * history, and the dashboard's on-time figure one higher.
 */
@ExtendWith(BrowserExtension.class)
class WorkflowIT {

    private static final String LAM_DONG = Assigning.LAM_DONG;
    private static final String TASK_2 = "Sắp xếp tổ chức bộ máy hành chính";
    private static final String PDF_NAME = "bao-cao-tien-do-lam-dong.pdf";

    @Test
    void workflow(Browser browser, Portal portal, @TempDir Path tmp) throws Exception {
        // the jar runs on this host's zone (UTC here) until Application.main sets Vietnam's: every time it shows
        // must be Vietnam's, between these two minutes
        java.time.ZoneId vietnam = java.time.ZoneId.of("Asia/Ho_Chi_Minh");
        java.time.LocalDateTime start =
                java.time.LocalDateTime.now(vietnam).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        // The manager of Vụ Tổ chức - Biên chế assigns task 2 to Lâm Đồng.
        browser.login("quanly");
        browser.shot("login-quanly");
        Assigning.toLamDong(browser, portal, tmp, "Sắp xếp", TASK_2, "125/QĐ-BNV");
        browser.shot("assigned");
        browser.logout();

        // Lâm Đồng's officer opens the assignment, writes the report, attaches a PDF and submits.
        browser.login("lamdong.cv");
        browser.shot("login-lamdong-cv");
        browser.click(By.xpath(
                "//a[contains(@class, 'task-card')][contains(normalize-space(.), " + Browser.literal(TASK_2) + ")]"));
        browser.waitForText(LAM_DONG);
        String assignment = browser.path().replaceAll("[?#].*", ""); // "/assignments/N"
        // the assigning document's signature, checked: who, when (Vietnam time), intact, trusted
        WebElement signature =
                browser.wait.until(visibilityOfElementLocated(By.cssSelector(".signature-list .signature")));
        browser.scrollTo(signature);
        assertThat(signature.getText())
                .contains("Nguyễn Văn An – Bộ Nội vụ", "01/12/2026 10:30", "Nguyên vẹn", "Chứng thư tin cậy");
        browser.shot("assignment-opened-signed-document");
        browser.clickButton("Lập báo cáo");
        browser.type("Tỷ lệ hoàn thành (%)", "100");
        browser.click(By.xpath("//vaadin-radio-button[normalize-space(.)='Đúng tiến độ']"));
        // A text pasted over the limit is kept whole, counted, and refused until it fits (the browser's maxlength
        // used to cut it to 8,000 characters without a word). Input.insertText inserts text as a paste does.
        WebElement narrative = browser.field("Nội dung báo cáo").findElement(By.cssSelector("textarea"));
        narrative.click();
        browser.driver.executeCdpCommand(
                "Input.insertText", Map.of("text", "Số liệu tổng hợp. ".repeat(444) + "123456789"));
        narrative.sendKeys(Keys.TAB);
        browser.waitForText("8.001/8.000 ký tự");
        browser.clickButton("Lưu nháp");
        browser.waitForText("Quá dài: tối đa 8.000 ký tự");
        assertThat(browser.bodyText()).doesNotContain("Bản nháp");
        browser.shot("report-text-too-long");
        narrative.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        browser.type("Nội dung báo cáo", "Đã hoàn thành đề án sắp xếp 12 đơn vị sự nghiệp công lập của tỉnh.");
        browser.clickButton("Lưu nháp");
        browser.waitForText("Bản nháp");

        // Each refused file says why: over 20 MB (the browser refuses it before sending), not what its name says
        // (the server refuses it). Then a real PDF of 5 MB goes through the packaged jar's upload.
        Path tooBig = tmp.resolve("qua-lon.pdf");
        try (RandomAccessFile file = new RandomAccessFile(tooBig.toFile(), "rw")) {
            file.setLength(21L * 1024 * 1024);
        }
        Assigning.chooseFile(browser, tooBig);
        browser.waitForText("Không nhận tệp “qua-lon.pdf”: Tệp lớn hơn 20 MB");
        Path fake = tmp.resolve("gia-mao.pdf");
        Files.writeString(fake, "<html><body>not a pdf</body></html>");
        Assigning.chooseFile(browser, fake);
        browser.waitForText("Không nhận tệp “gia-mao.pdf”: Nội dung tệp không phải PDF như tên tệp ghi");
        browser.shot("report-files-refused");
        Path pdf = tmp.resolve(PDF_NAME);
        byte[] fiveMegabytes = paddedPdf("So Noi vu tinh Lam Dong - bao cao tien do nhiem vu 2", 5 * 1024 * 1024);
        Files.write(pdf, fiveMegabytes);
        Assigning.chooseFile(browser, pdf);
        browser.wait
                .withMessage(() -> "the 5 MB PDF in the evidence list")
                .until(d -> !d.findElements(By.xpath("//a[contains(@class, 'evidence-link')][normalize-space(.)="
                                + Browser.literal(PDF_NAME) + "]"))
                        .isEmpty());
        assertThat(browser.texts(By.cssSelector(".evidence-list")))
                .singleElement()
                .asString()
                .contains(String.format(Locale.forLanguageTag("vi-VN"), "%,.1f KB", fiveMegabytes.length / 1024.0));
        browser.shot("report-draft-with-pdf");
        browser.clickButton("Gửi báo cáo");
        browser.waitForText("Đang chờ bước 1: Lãnh đạo đơn vị");
        browser.shot("report-submitted");
        browser.logout();

        // Days pass: the report was sent the day before the deadline, and the deadline was a week ago.
        long id = Long.parseLong(assignment.substring(assignment.lastIndexOf('/') + 1));
        LocalDate deadline = LocalDate.now(vietnam).minusWeeks(1);
        portal.afterDaysPass(
                "update assignment set deadline = date '" + deadline + "', created_at = timestamp '"
                        + deadline.minusDays(30) + " 09:00:00' where id = " + id,
                "update deadline_change set new_deadline = date '" + deadline + "' where assignment_id = " + id,
                "update progress_report set submitted_at = timestamp '" + deadline.minusDays(1)
                        + " 10:30:00' where status = 'SUBMITTED' and assignment_id = " + id);

        // Each approver of the province chain decides in turn, from their own work list, after the deadline.
        approve(browser, "lamdong.truong", "Phạm Văn Sơn", "Đang chờ bước 2: Chuyên viên quản lý (Vụ)");
        approve(browser, "quanly", "Lê Thị Thanh Hương", "Đang chờ bước 3: Lãnh đạo Bộ");
        browser.login("lanhdao");
        Map<String, Integer> before = dashboardFigures(browser);
        browser.shot("dashboard-before-approval");
        browser.logout();
        approve(browser, "lanhdao", "Nguyễn Minh Quang", "Đã phê duyệt");

        // The leader opens the assignment: done, 100 %, and the history shows every step.
        browser.click(By.cssSelector("a.report-task"));
        browser.waitForText("Hoàn thành đúng hạn");
        assertThat(browser.bodyText()).contains("100 %");
        browser.shot("assignment-done");
        browser.click(By.xpath("//vaadin-tab[normalize-space(.)='Lịch sử']"));
        browser.wait.until(
                d -> !d.findElements(By.cssSelector("vaadin-grid.history")).isEmpty()
                        && d.findElement(By.cssSelector("vaadin-grid.history")).isDisplayed());
        browser.idle();
        List<String> cells = browser.texts(By.cssSelector("vaadin-grid.history vaadin-grid-cell-content"));
        java.time.LocalDateTime end = java.time.LocalDateTime.now(vietnam);
        List<String> rows = new ArrayList<>(); // "who: what", in the order shown; a row starts with its date and time
        List<java.time.LocalDateTime> times = new ArrayList<>();
        for (int i = 0; i + 2 < cells.size(); i++) {
            if (cells.get(i).matches("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}")) {
                rows.add(cells.get(i + 1) + ": " + cells.get(i + 2));
                times.add(java.time.LocalDateTime.parse(
                        cells.get(i), java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")));
            }
        }
        System.out.println("[e2e] History of the assignment: " + rows + " at " + times);
        // people by name (the username on hover), each save once, in Vietnam time
        assertThat(rows)
                .containsExactly(
                        "Lê Thị Thanh Hương: Giao nhiệm vụ",
                        "K'Hoàng Thị Hạnh: Lưu báo cáo",
                        "K'Hoàng Thị Hạnh: Đính kèm tệp",
                        "K'Hoàng Thị Hạnh: Gửi báo cáo",
                        "Phạm Văn Sơn: Duyệt, chuyển bước tiếp theo",
                        "Lê Thị Thanh Hương: Duyệt, chuyển bước tiếp theo",
                        "Nguyễn Minh Quang: Phê duyệt báo cáo");
        assertThat(times)
                .as("history times, Vietnam's")
                .allSatisfy(t -> assertThat(t).isBetween(start, end));
        assertThat(browser
                        .driver
                        .findElements(By.cssSelector("vaadin-grid.history vaadin-grid-cell-content span[title]"))
                        .stream()
                        .map(e -> e.getDomAttribute("title"))
                        .toList())
                .as("usernames on hover")
                .containsExactly(
                        "quanly", "lamdong.cv", "lamdong.cv", "lamdong.cv", "lamdong.truong", "quanly", "lanhdao");
        browser.shot("assignment-history");

        // The leader's dashboard: approved after its deadline, sent before it, the assignment moved from
        // "overdue, in progress" to "done on time", nothing else changed.
        Map<String, Integer> after = dashboardFigures(browser);
        System.out.printf("[e2e] dashboard figures before the last approval %s, after it %s%n", before, after);
        assertThat(after.get("DONE_ON_TIME")).isEqualTo(before.get("DONE_ON_TIME") + 1);
        assertThat(after.get("IN_PROGRESS_OVERDUE")).isEqualTo(before.get("IN_PROGRESS_OVERDUE") - 1);
        assertThat(after.get("DONE_LATE")).isEqualTo(before.get("DONE_LATE"));
        assertThat(after.get("total")).isEqualTo(before.get("total"));
        // In this production-mode jar the server-drawn SVG charts are laid out in the browser, progress and
        // states have shapes for the finished assignment, and its matrix cell opens it.
        List<WebElement> charts = browser.driver.findElements(By.cssSelector(".chart svg"));
        assertThat(charts).as("the dashboard's charts").hasSize(4);
        List<Integer> shapes = new java.util.ArrayList<>();
        for (WebElement chart : charts) {
            browser.scrollTo(chart);
            shapes.add(((Number) ((org.openqa.selenium.JavascriptExecutor) browser.driver)
                            .executeScript(
                                    "return arguments[0].querySelectorAll('rect, path, circle, line').length;", chart))
                    .intValue());
            assertThat(chart.getSize().width).as("chart width in the browser").isGreaterThan(150);
            assertThat(chart.getSize().height).as("chart height in the browser").isGreaterThan(80);
        }
        System.out.printf("[e2e] dashboard charts drawn with %s shapes%n", shapes);
        assertThat(shapes.get(0)).as("progress chart: the task's line").isGreaterThan(4);
        assertThat(shapes.get(1)).as("states chart: the task's bar").isGreaterThan(4);
        browser.shot("dashboard-charts");
        WebElement cell =
                browser.driver.findElement(By.cssSelector(".matrix-holder a[href$='" + assignment.substring(1) + "']"));
        browser.scrollTo(cell);
        assertThat(cell.getText()).contains("100%");
        browser.shot("dashboard-matrix");
        cell.click();
        // the dashboard itself says "Hoàn thành đúng hạn" too: wait for the address, then for the page
        browser.wait
                .withMessage(() -> "the address " + assignment)
                .until(d -> browser.path().equals(assignment));
        browser.wait.until(d ->
                !d.findElements(By.cssSelector("a.report-task, vaadin-tab")).isEmpty());
        browser.idle();
        assertThat(browser.bodyText()).contains("Hoàn thành đúng hạn").contains("100 %");
        browser.shot("dashboard-cell-opened");
    }

    /** The dashboard's headline figures: the total and each deadline state's count. */
    static Map<String, Integer> dashboardFigures(Browser browser) {
        browser.open("/dashboard");
        browser.waitForText("Nhiệm vụ theo đơn vị");
        Map<String, Integer> figures = new java.util.TreeMap<>();
        for (String figure :
                List.of("total", "IN_PROGRESS_ON_TIME", "IN_PROGRESS_OVERDUE", "DONE_ON_TIME", "DONE_LATE")) {
            String value = browser.driver
                    .findElement(By.cssSelector(".headline .figure-" + figure + " .figure-value"))
                    .getText();
            figures.put(figure, Integer.parseInt(value.replaceAll("\\D", "")));
        }
        return figures;
    }

    private static void approve(Browser browser, String username, String fullName, String afterwards) {
        browser.login(username);
        browser.shot("login-" + username.replace('.', '-'));
        browser.menu("Việc cần xử lý");
        browser.click(By.xpath("//div[contains(@class, 'work-item')][contains(., 'Báo cáo chờ đồng chí duyệt')]"
                + "[contains(., " + Browser.literal(LAM_DONG) + ")]//vaadin-button"));
        browser.type("Ý kiến (không bắt buộc) / Lý do trả lại", "Đồng ý.");
        browser.shot("approving-" + username.replace('.', '-'));
        browser.clickButton("Duyệt");
        browser.waitForText(afterwards);
        browser.scrollTo(browser.wait.until(visibilityOfElementLocated(
                By.xpath("//p[contains(@class, 'trail-approved')][contains(., " + Browser.literal(fullName) + ")]"))));
        browser.shot("approved-" + username.replace('.', '-'));
        if (!username.equals("lanhdao")) {
            browser.logout();
        }
    }

    /** A valid one-page PDF of about {@code size} bytes: an unused stream object of filler makes up the size. */
    static byte[] paddedPdf(String line, int size) {
        int missing = Math.max(0, size - onePagePdf(line, "").length);
        String row = "0123456789abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ\n";
        return onePagePdf(line, row.repeat(missing / row.length() + 1).substring(0, missing));
    }

    /**
     * A valid one-page PDF (catalog, page tree, page, content stream, font, cross-reference table), and an
     * unused stream object holding the filler.
     */
    private static byte[] onePagePdf(String line, String filler) {
        String content = "BT /F1 16 Tf 72 760 Td (" + line + ") Tj ET";
        String[] objects = {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
                    + " /Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length " + content.length() + " >>\nstream\n" + content + "\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            "<< /Length " + filler.length() + " >>\nstream\n" + filler + "\nendstream"
        };
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        StringBuilder xref = new StringBuilder("xref\n0 " + (objects.length + 1) + "\n0000000000 65535 f \n");
        for (int i = 0; i < objects.length; i++) {
            xref.append(String.format("%010d 00000 n \n", pdf.length()));
            pdf.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
        }
        int start = pdf.length();
        pdf.append(xref)
                .append("trailer\n<< /Size ")
                .append(objects.length + 1)
                .append(" /Root 1 0 R >>\nstartxref\n")
                .append(start)
                .append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
