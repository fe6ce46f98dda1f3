package vn.gov.moha.portal.e2e;

import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Times a step in the browser, as a person sees it: from the click until no request is in flight, every Vaadin
 * client is idle and the step's target is shown, and counts the step's round trips to the server (Vaadin's UIDL
 * requests, {@code ?v-r=uidl}). All measured inside the page ({@link #SCRIPT}): the click's own timestamp, the
 * page's XMLHttpRequest and fetch wrapped to count requests, a MutationObserver and a 5 ms timer to see the target
 * appear. A step has settled when that state has held {@link #QUIET_MS} without a new request; its time is when the
 * state was reached, so WebDriver's own delays are not in the figure.
 */
final class StepClock {

    /** How long the settled state must hold (no new request) before a step counts as done. */
    static final int QUIET_MS = 300;

    /**
     * Installed once per page load. {@code arm(css, text)} marks what matches {@code css} now as old; the target is
     * then a new, visible element matching {@code css} whose text contains {@code text}.
     */
    private static final String SCRIPT = """
            if (!window.__steps) {
              const s = window.__steps = {inFlight: 0, uidl: 0, bodies: [], armed: false, start: null, settled: null, css: null, text: ''};
              const idle = () => {
                const f = window.Vaadin && window.Vaadin.Flow;
                return !!f && !!f.clients && Object.values(f.clients).every(c => !c.isActive || !c.isActive());
              };
              const shown = () => Array.from(document.querySelectorAll(s.css)).some(e => !e.hasAttribute('data-steps-old')
                  && (s.text === '' || (e.textContent || '').includes(s.text)) && e.getClientRects().length > 0);
              s.check = () => {
                if (!s.armed || s.start === null) return;
                if (s.inFlight === 0 && idle() && shown()) {
                  if (s.settled === null) s.settled = performance.now();
                } else {
                  s.settled = null;
                }
              };
              const begin = (url, body) => {
                let sent = null;
                if (String(url).includes('v-r=uidl')) {
                  s.uidl++;
                  sent = {at: performance.now(), body: String(body).slice(0, 600)};
                  s.bodies.push(sent);
                }
                s.inFlight++;
                s.settled = null;
                return sent;
              };
              const end = sent => {
                if (sent) sent.took = performance.now() - sent.at;
                s.inFlight--;
                setTimeout(s.check, 0);
              };
              const open = XMLHttpRequest.prototype.open;
              XMLHttpRequest.prototype.open = function (method, url) { this.__stepsUrl = url; return open.apply(this, arguments); };
              const send = XMLHttpRequest.prototype.send;
              XMLHttpRequest.prototype.send = function () {
                let sent = null;
                try { sent = begin(this.__stepsUrl, arguments[0]); } catch (e) { /* never in the page's way */ }
                this.addEventListener('loadend', () => end(sent));
                return send.apply(this, arguments);
              };
              const fetch = window.fetch;
              window.fetch = function (input) {
                const sent = begin(typeof input === 'string' ? input : (input && input.url), arguments[1] && arguments[1].body);
                return fetch.apply(this, arguments).finally(() => end(sent));
              };
              window.addEventListener('click', e => {
                if (s.armed && s.start === null) { s.start = e.timeStamp; setTimeout(s.check, 0); }
              }, true);
              new MutationObserver(() => s.check()).observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
              setInterval(s.check, 5);
              s.arm = (css, text) => {
                document.querySelectorAll(css).forEach(e => e.setAttribute('data-steps-old', ''));
                s.css = css; s.text = text; s.uidl = 0; s.bodies = []; s.start = null; s.settled = null; s.armed = true;
              };
              s.result = quiet => {
                if (s.start === null || s.settled === null || s.inFlight > 0 || performance.now() - s.settled < quiet) return null;
                s.armed = false;
                return [s.settled - s.start, s.uidl, s.bodies.map(b => 'sent at ' + Math.round(b.at - s.start)
                    + ' ms, answered in ' + Math.round(b.took) + ' ms: ' + b.body)];
              };
            }
            """;

    /** A step's time, its round trips, and what each round trip sent (the start of its body). */
    record Sample(double millis, int roundTrips, List<String> sent) {}

    private final Map<String, List<Sample>> samples = new LinkedHashMap<>();
    private boolean recording;

    /** Puts the clock into the page the browser shows (again after a full page load). */
    void install(Browser browser) {
        browser.driver.executeScript(SCRIPT);
    }

    /** From now on the steps are recorded (the rounds before are the warm-up). */
    void record() {
        recording = true;
    }

    /**
     * Clicks what {@code click} finds and waits until the step has settled with a new {@code targetCss} element
     * containing {@code targetText} shown; records the step under its name.
     */
    Sample step(String name, Browser browser, By click, String targetCss, String targetText) {
        WebElement element = browser.wait.until(elementToBeClickable(click));
        browser.scrollTo(element);
        browser.idle(); // a scroll may make a grid fetch rows: not this step's
        browser.driver.executeScript("window.__steps.arm(arguments[0], arguments[1]);", targetCss, targetText);
        try {
            element.click();
        } catch (StaleElementReferenceException redrawn) {
            browser.wait.until(elementToBeClickable(click)).click();
        }
        List<?> result = new WebDriverWait(browser.driver, Duration.ofSeconds(30), Duration.ofMillis(20))
                .withMessage(() -> name + ": no settled page with " + targetCss + " \"" + targetText + "\"")
                .until(d -> {
                    Object r = ((JavascriptExecutor) d)
                            .executeScript(
                                    "return window.__steps ? window.__steps.result(arguments[0]) : 'reloaded';",
                                    QUIET_MS);
                    if ("reloaded".equals(r)) {
                        throw new IllegalStateException(name + ": the page was loaded anew (the clock is gone)");
                    }
                    return (List<?>) r;
                });
        Sample sample = new Sample(
                ((Number) result.get(0)).doubleValue(),
                ((Number) result.get(1)).intValue(),
                ((List<?>) result.get(2)).stream().map(String::valueOf).toList());
        if (recording) {
            samples.computeIfAbsent(name, k -> new ArrayList<>()).add(sample);
        }
        return sample;
    }

    /** One line per step: rounds, round trips (median, and the range if it varied), median, p95 and max. */
    List<String> table() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(
                Locale.ROOT, "%-34s %6s %11s %9s %9s %9s", "step", "rounds", "round trips", "median", "p95", "max"));
        samples.forEach((name, list) -> {
            List<Double> ms = list.stream().map(Sample::millis).sorted().toList();
            List<Integer> trips = list.stream().map(Sample::roundTrips).sorted().toList();
            String tripText = trips.get(0).equals(trips.get(trips.size() - 1))
                    ? String.valueOf(trips.get(0))
                    : rank(trips, 0.5) + " (" + trips.get(0) + "-" + trips.get(trips.size() - 1) + ")";
            lines.add(String.format(
                    Locale.ROOT,
                    "%-34s %6d %11s %6.0f ms %6.0f ms %6.0f ms",
                    name,
                    list.size(),
                    tripText,
                    rank(ms, 0.5),
                    rank(ms, 0.95),
                    ms.get(ms.size() - 1)));
        });
        return lines;
    }

    /** What each step's round trips sent in its last recorded round, to see which of them a step could do without. */
    List<String> lastRoundTrips() {
        List<String> lines = new ArrayList<>();
        samples.forEach((name, list) -> {
            Sample last = list.get(list.size() - 1);
            for (int i = 0; i < last.sent().size(); i++) {
                lines.add(name + " #" + (i + 1) + ": " + last.sent().get(i));
            }
        });
        return lines;
    }

    /** Nearest rank: the smallest value with at least {@code p} of the values at or below it. */
    static <T> T rank(List<T> sorted, double p) {
        return sorted.get((int) Math.ceil(p * sorted.size()) - 1);
    }
}
