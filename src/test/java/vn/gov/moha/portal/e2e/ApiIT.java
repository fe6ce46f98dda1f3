package vn.gov.moha.portal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * A province's system submits a report end to end: the manager assigns task 3 to Lâm Đồng in the browser, Lâm Đồng's
 * officer creates a personal access token on the profile page and reads it off the screen, then a plain HTTP client
 * (no browser, no session) lists the unit's assignments, writes a draft report, attaches a PDF and submits it.
 */
@ExtendWith(BrowserExtension.class)
class ApiIT {

    private static final String TASK_3 = "Quản lý biên chế, tinh giản biên chế";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aProvincesSystemSubmitsAReportWithAToken(Browser browser, Portal portal, @TempDir Path tmp) throws Exception {
        browser.login("quanly");
        Assigning.toLamDong(browser, portal, tmp, "Quản lý biên chế", TASK_3, "17/QĐ-BNV");
        browser.logout();

        browser.login("lamdong.cv");
        browser.click(By.id("profile-link"));
        browser.waitForText("Mã truy cập API");
        browser.type("Tên mã", "Hệ thống báo cáo Sở Nội vụ Lâm Đồng");
        browser.click(By.xpath("//vaadin-radio-button[normalize-space(.)='Đọc và ghi']"));
        browser.clickButton("Tạo mã");
        browser.waitForText("chỉ hiển thị một lần");
        String token = browser.driver
                .findElement(By.cssSelector("vaadin-text-field#token-secret input"))
                .getDomProperty("value");
        assertThat(token).startsWith("bnv_");
        browser.shot("token-created");
        browser.logout();

        String base = browser.baseUrl() + "/api/v1";
        assertThat(send(HttpRequest.newBuilder(URI.create(base + "/me")).GET(), null)
                        .statusCode())
                .as("no token, no answer")
                .isEqualTo(401);

        JsonNode list = json(send(get(base + "/assignments?year=2024&state=OPEN"), token), 200);
        JsonNode assignment = StreamSupport.stream(list.get("items").spliterator(), false)
                .filter(a -> a.get("taskNumber").asInt() == 3)
                .findFirst()
                .orElseThrow();
        long id = assignment.get("id").asLong();

        JsonNode draft = json(
                send(
                        post(base + "/assignments/" + id + "/reports", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("""
                                        {"percent": 70, "confidence": "ON_TRACK",
                                         "narrative": "Gửi từ hệ thống báo cáo của tỉnh: đã tinh giản 84/120 biên chế"}""")),
                        token),
                201);
        long report = draft.get("id").asLong();

        String boundary = "----portal" + System.nanoTime();
        byte[] pdf = WorkflowIT.paddedPdf("Bien ban tinh gian bien che - Lam Dong", 2048);
        json(
                send(
                        post(base + "/reports/" + report + "/evidence", "multipart/form-data; boundary=" + boundary)
                                .POST(HttpRequest.BodyPublishers.ofByteArray(
                                        multipart(boundary, "bien-ban-lam-dong.pdf", pdf))),
                        token),
                201);

        JsonNode current = json(send(get(base + "/reports/" + report), token), 200);
        assertThat(current.get("evidence").get(0).get("fileName").asText()).isEqualTo("bien-ban-lam-dong.pdf");
        long version = current.get("report").get("version").asLong();
        JsonNode submitted = json(
                send(
                        post(base + "/reports/" + report + "/submit", "application/json")
                                .header("If-Match", "\"" + version + "\"")
                                .POST(HttpRequest.BodyPublishers.noBody()),
                        token),
                200);
        assertThat(submitted.get("status").asText()).isEqualTo("SUBMITTED");

        // the unit head sees it waiting, as if it had been sent from the screen
        browser.login("lamdong.truong");
        browser.menu("Việc cần xử lý");
        browser.wait.until(d -> !d.findElements(
                        By.xpath("//div[contains(@class, 'work-item')][contains(., 'Báo cáo chờ đồng chí duyệt')]"
                                + "[contains(., " + Browser.literal(Assigning.LAM_DONG) + ")]"))
                .isEmpty());
        browser.shot("api-report-waiting-for-head");
        browser.logout();

        // the OpenAPI page lists the API
        browser.openPage("/swagger-ui.html");
        browser.wait.until(d -> browser.bodyText().contains("/api/v1/assignments"));
        browser.shot("swagger-ui");
    }

    private static HttpRequest.Builder get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).GET();
    }

    private static HttpRequest.Builder post(String url, String contentType) {
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String token) throws Exception {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static JsonNode json(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    private static byte[] multipart(String boundary, String fileName, byte[] content) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/pdf\r\n\r\n";
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }
}
