package vn.gov.moha.portal.e2e;

import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium window on the portal, with the few steps the scenarios need, written
 * against what a person sees: buttons by their text, fields by their label, Vaadin components by
 * their {@code vaadin-*} elements. Every wait is an explicit wait on a condition. {@link #shot}
 * saves a numbered screenshot of the scenario's current step.
 */
final class Browser implements ExtensionContext.Store.CloseableResource {

    static final String PASSWORD = "Demo@2024";
    /** True when no Vaadin client is waiting for the server. */
    private static final String IDLE = "const f = window.Vaadin && window.Vaadin.Flow; "
            + "return !!f && !!f.clients && Object.values(f.clients).every(c => !c.isActive || !c.isActive());";

    final ChromeDriver driver;
    final WebDriverWait wait;
    private final String baseUrl;
    private final Path screenshots;
    private final String scenario;
    private int step;

    Browser(String baseUrl, Path chromium, File chromedriver, Path screenshots, String scenario) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--window-size=1440,1100",
                "--lang=vi-VN");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver)
                .usingAnyFreePort()
                .build();
        this.driver = new ChromeDriver(service, options);
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class); // Vaadin redraws parts of the page as it goes
        this.baseUrl = baseUrl;
        this.screenshots = screenshots;
        this.scenario = scenario;
    }

    void open(String path) {
        driver.get(baseUrl + path);
        idle();
    }

    /** Opens an address that is no screen (the server's own error page): there is no Vaadin client to wait for. */
    void openPage(String path) {
        driver.get(baseUrl + path);
    }

    /** The portal's address, for a check in plain HTTP against the same portal. */
    String baseUrl() {
        return baseUrl;
    }

    String path() {
        return driver.getCurrentUrl().substring(baseUrl.length());
    }

    /** Logs in through the login form, as a person does, and waits for the first screen. */
    void login(String username) {
        login(username, PASSWORD);
    }

    /** Logs in on the login form with this password (a directory person's is the directory's). */
    void login(String username, String password) {
        submitLogin(username, password);
        wait.until(d -> !path().startsWith("/login")
                && !d.findElements(By.cssSelector(".navbar-user")).isEmpty());
        idle();
    }

    /** Fills in and submits the login form, and waits for nothing: a refused login comes back to it. */
    void submitLogin(String username, String password) {
        open("/login");
        loginForm();
        WebElement form = driver.findElement(By.tagName("vaadin-login-form"));
        form.findElement(By.cssSelector("input[name=username]")).sendKeys(username);
        form.findElement(By.cssSelector("input[name=password]")).sendKeys(password);
        form.findElement(By.cssSelector("vaadin-button[slot=submit]")).click();
    }

    /** Waits for the login form and returns it. */
    WebElement loginForm() {
        WebElement form = wait.until(visibilityOfElementLocated(By.tagName("vaadin-login-form")));
        wait.until(
                d -> !form.findElements(By.cssSelector("input[name=username]")).isEmpty());
        return form;
    }

    /** The logout button under the user's name in the menu. */
    void logout() {
        noNotifications(); // a confirmation at the bottom of the screen may cover the button for a few seconds
        click(By.cssSelector("vaadin-button.logout"));
        wait.until(d -> path().startsWith("/login"));
        loginForm();
    }

    /** Waits until no notification is on the screen. */
    void noNotifications() {
        wait.until(d ->
                d.findElements(By.tagName("vaadin-notification-card")).stream().noneMatch(WebElement::isDisplayed));
    }

    /** Opens a menu entry by its text (the waiting-work count may follow it). */
    void menu(String text) {
        click(By.xpath("//vaadin-side-nav-item[starts-with(normalize-space(.), " + literal(text) + ")]"));
    }

    void clickButton(String text) {
        click(button(text));
    }

    static By button(String text) {
        return By.xpath("//vaadin-button[normalize-space(.)=" + literal(text) + "]");
    }

    /** Clicks it as a person does: scrolled into view first (a page scrolled down hides it under the bar). */
    void click(By by) {
        WebElement element = wait.until(elementToBeClickable(by));
        scrollTo(element);
        element.click();
        idle();
    }

    /** A Vaadin field (text field, text area, combo box, date picker, ...) by its visible label. */
    WebElement field(String label) {
        return wait.until(visibilityOfElementLocated(By.xpath("//*[starts-with(local-name(), 'vaadin-')]"
                + "[label[@slot='label' and normalize-space(.)=" + literal(label) + "]]")));
    }

    /** Types into a field found by its label, then leaves it (Tab) so the value reaches the server. */
    void type(String label, String text) {
        WebElement input = field(label).findElement(By.cssSelector("input, textarea"));
        scrollTo(input); // a field low in a long dialog may sit under the dialog's buttons until scrolled to
        input.click();
        input.sendKeys(text);
        input.sendKeys(Keys.TAB);
        idle();
    }

    /** Types a date (dd/MM/yyyy) into a date picker and commits it with Enter, which also closes its calendar. */
    void date(String label, LocalDate date) {
        WebElement picker = field(label);
        WebElement input = picker.findElement(By.cssSelector("input"));
        scrollTo(input);
        input.click();
        input.sendKeys(date.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")), Keys.ENTER);
        wait.until(d -> picker.getDomAttribute("opened") == null);
        idle();
    }

    /** Types into a combo box and clicks the suggested item that contains {@code item}. */
    void choose(String label, String typed, String item) {
        WebElement box = field(label);
        WebElement input = box.findElement(By.cssSelector("input"));
        input.click();
        input.sendKeys(typed);
        click(By.xpath("//*[self::vaadin-combo-box-item or self::vaadin-multi-select-combo-box-item]"
                + "[contains(normalize-space(.), " + literal(item) + ")]"));
        input.sendKeys(Keys.TAB); // a multi-select box stays open after a choice; leaving it closes it
        wait.until(d -> box.getDomAttribute("opened") == null);
        idle();
    }

    /** Scrolls the page (or the layout's content area) so that the element is in view, as a person would. */
    void scrollTo(WebElement element) {
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    }

    /** Waits until the page shows this text somewhere. */
    void waitForText(String text) {
        wait.withMessage(() -> "page text containing \"" + text + "\"")
                .until(d -> bodyText().contains(text));
    }

    String bodyText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    List<String> texts(By by) {
        return driver.findElements(by).stream().map(WebElement::getText).toList();
    }

    /** Waits until no Vaadin round trip is pending. */
    void idle() {
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(IDLE)));
    }

    /** Saves a screenshot of this step, numbered in the scenario's order. */
    void shot(String name) {
        step++;
        save(String.format("%s-%02d-%s.png", scenario, step, name), driver.getScreenshotAs(OutputType.BYTES));
    }

    void saveFailure() {
        try {
            save(scenario + "-FAILED.png", driver.getScreenshotAs(OutputType.BYTES));
            save(scenario + "-FAILED.html", driver.getPageSource().getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            System.out.println("[e2e] Could not save the failure screenshot: " + e);
        }
    }

    private void save(String file, byte[] content) {
        try {
            Files.createDirectories(screenshots);
            Files.write(screenshots.resolve(file), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An XPath string literal, also for texts with an apostrophe (K'Hoàng). */
    static String literal(String text) {
        return text.contains("'") ? "concat('" + text.replace("'", "', \"'\", '") + "')" : "'" + text + "'";
    }

    @Override
    public void close() {
        driver.quit();
    }
}
