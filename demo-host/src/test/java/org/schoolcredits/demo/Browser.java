package org.schoolcredits.demo;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Debian Chromium driving the running demo as a person would: it signs in through the
 * login form, finds elements inside the fragments' shadow roots, runs axe-core, and keeps screenshots.
 */
final class Browser implements AutoCloseable {

    /** What the page still waits for: custom elements not yet defined, "Loading…" in a shadow root, a cost not shown. */
    private static final String UNSETTLED = """
            const walk = (root) => [...root.querySelectorAll('*')]
                .flatMap((e) => e.shadowRoot ? [e, ...walk(e.shadowRoot)] : [e]);
            const all = walk(document);
            return [...all.filter((e) => e.localName.includes('-') && !customElements.get(e.localName)),
                ...all.filter((e) => e.textContent === 'Loading…'),
                ...all.filter((e) => e.localName === 'credits-cost' && !e.shadowRoot?.textContent)]
              .map((e) => e.localName).join(' ');
            """;

    private final ChromeDriver driver;
    private final WebDriverWait wait;
    private final Path screenshots = Path.of(System.getProperty("screenshots", "target/screenshots"));
    private String axe;

    Browser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,900");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        driver = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).build(), options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    ChromeDriver driver() {
        return driver;
    }

    void signIn(String user) {
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        open("/login");
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys("demo");
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(d -> !d.getCurrentUrl().contains("/login"));
    }

    /** Opens a page and waits until its fragments have loaded what they show. */
    void open(String path) {
        driver.get(RunningDemo.baseUrl() + path);
        if (!path.startsWith("/login")) {
            settled();
        }
    }

    /** Waits until the page the browser is on (after a link or a redirect) has loaded what it shows. */
    void settled() {
        try {
            wait.until(d -> "".equals(js(UNSETTLED)));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError(driver.getCurrentUrl() + " still waits for " + js(UNSETTLED) + "; console: "
                    + console(), e);
        }
    }

    /**
     * The element at the end of a path of CSS selectors, each one after the first looked for in the
     * shadow root of the element before it; waits until it is there.
     */
    WebElement find(String... path) {
        return wait.until(d -> {
            try {
                SearchContext context = driver;
                for (int i = 0; i < path.length - 1; i++) {
                    context = context.findElement(By.cssSelector(path[i])).getShadowRoot();
                }
                return context.findElement(By.cssSelector(path[path.length - 1]));
            } catch (NoSuchElementException | StaleElementReferenceException e) {
                return null;
            }
        });
    }

    /** Every element matching the last selector of a path like {@link #find}'s, none if there is none. */
    List<WebElement> findAll(String... path) {
        SearchContext context = path.length == 1 ? driver : find(Arrays.copyOf(path, path.length - 1)).getShadowRoot();
        return context.findElements(By.cssSelector(path[path.length - 1]));
    }

    /** The text of the element at {@code path} once it contains {@code expected}. */
    String textOnce(String expected, String... path) {
        return wait.until(d -> {
            try {
                String text = find(path).getText();
                return text.contains(expected) ? text : null;
            } catch (StaleElementReferenceException e) {
                return null;
            }
        });
    }

    void until(String what, java.util.function.BooleanSupplier condition) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).withMessage(what).ignoring(StaleElementReferenceException.class)
                .until(d -> condition.getAsBoolean());
    }

    Object js(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    Object jsAsync(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, arguments);
    }

    /** axe-core's serious and critical violations on the page as it is now, one line each. */
    @SuppressWarnings("unchecked")
    List<String> seriousAccessibilityViolations() throws IOException {
        if (axe == null) {
            axe = Files.readString(Path.of(System.getProperty("axe.script")));
        }
        js(axe);
        return (List<String>) jsAsync("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] }).then((result) => done(result.violations
                    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
                    .map((v) => v.id + ': ' + v.nodes.map((n) => JSON.stringify(n.target)).join(' '))),
                  (error) => done(['axe failed: ' + error]));
                """);
    }

    /** What the browser's console said since the last call. */
    List<String> console() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage).toList();
    }

    /** The errors the browser's console reported since the last call (of this or {@link #console}). */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
    }

    /** Lays the pages out as on a phone {@code width} CSS pixels wide, or as on the desktop again with 0. */
    void width(int width) {
        if (width == 0) {
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        } else {
            driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", 800,
                    "deviceScaleFactor", 1, "mobile", true));
        }
    }

    /** Keeps a picture of the whole page as target/screenshots/{name}.png for people to look at. */
    void screenshot(String name) throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Long> size = (Map<String, Long>) js("return {width: document.documentElement.scrollWidth,"
                + " height: document.documentElement.scrollHeight}");
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width", size.get("width"),
                        "height", size.get("height"), "scale", 1)));
        Files.createDirectories(screenshots);
        Files.write(screenshots.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
    }

    @Override
    public void close() {
        driver.quit();
    }
}
