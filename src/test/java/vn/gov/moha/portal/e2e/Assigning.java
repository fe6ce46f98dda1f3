package vn.gov.moha.portal.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.openqa.selenium.By;
import vn.gov.moha.portal.signature.TestSigning;

/** The manager (quanly, logged in) assigns a task to Lâm Đồng through the assign dialog, with a signed document. */
final class Assigning {

    static final String LAM_DONG = "Sở Nội vụ tỉnh Lâm Đồng";

    private Assigning() {}

    /**
     * Opens "Giao nhiệm vụ", picks the task ({@code typed} into the field, {@code title} chosen), Lâm Đồng, a deadline
     * 30 days away, an output, and the assigning document {@code number} with a PDF signed by an authority the portal
     * is made to trust; assigns, and waits for Lâm Đồng's row.
     */
    static void toLamDong(Browser browser, Portal portal, Path tmp, String typed, String title, String number)
            throws Exception {
        browser.menu("Giao nhiệm vụ");
        browser.clickButton("Giao nhiệm vụ");
        browser.choose("Nhiệm vụ", typed, title);
        browser.choose("Đơn vị chủ trì (giao riêng cho từng đơn vị)", "Lâm Đồng", LAM_DONG);
        browser.date("Thời hạn hoàn thành", LocalDate.now().plusDays(30));
        browser.type("Sản phẩm đầu ra", "Đề án sắp xếp đơn vị sự nghiệp công lập của tỉnh");
        // the assigning document: its fields and its signed PDF (required for a new assignment)
        browser.type("Số, ký hiệu", number);
        browser.date("Ngày ban hành", LocalDate.of(2024, 1, 22));
        browser.type("Trích yếu", "Quyết định giao nhiệm vụ xây dựng Đề án sắp xếp đơn vị sự nghiệp công lập");
        browser.type("Người ký", "Nguyễn Minh Quang");
        // signed with a certificate of an authority the administrator trusts (its root placed in the folder)
        TestSigning.ca().trustIn(portal.trustedRoots());
        String fileName = "quyet-dinh-" + number.replaceAll("[^0-9A-Za-z]+", "-") + ".pdf";
        Path decision = tmp.resolve(fileName);
        Files.write(
                decision,
                TestSigning.sign(
                        TestSigning.pdf("Bo Noi vu - Quyet dinh " + number.replace("Đ", "D"), 4096), // Helvetica: no Đ
                        TestSigning.signer(),
                        TestSigning.SIGNED_AT));
        chooseFile(browser, decision);
        browser.waitForText("Đã chọn: " + fileName);
        browser.shot("assign-dialog-filled");
        browser.click(By.xpath("//vaadin-dialog-overlay//vaadin-button[normalize-space(.)='Giao nhiệm vụ']"));
        browser.waitForText("Đã giao nhiệm vụ cho 1 đơn vị");
        browser.waitForText(LAM_DONG);
    }

    /** Chooses a file in the upload on screen (the report's, or the assign dialog's), as a person does. */
    static void chooseFile(Browser browser, Path file) {
        browser.wait.until(d -> !d.findElements(By.tagName("vaadin-upload")).isEmpty());
        browser.driver
                .findElement(By.tagName("vaadin-upload"))
                .getShadowRoot()
                .findElement(By.cssSelector("input[type=file]"))
                .sendKeys(file.toString());
    }
}
