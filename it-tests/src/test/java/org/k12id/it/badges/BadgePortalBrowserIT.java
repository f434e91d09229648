package org.k12id.it.badges;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.k12id.adminrest.badges.BadgePdfDecoder;
import org.k12id.it.support.Badges;
import org.k12id.it.support.Chromium;
import org.k12id.it.support.DemoRealm;
import org.k12id.it.support.IdentifierFirst;
import org.k12id.it.support.K12ServerConfig;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The district staff portal "My Students (QR Codes)" (served by the pack at /realms/{realm}/k12-portal/) in headless
 * Chromium: signing in on the realm's own login pages, choosing students, printing, and reading the printed PDF back.
 */
@KeycloakIntegrationTest(config = K12ServerConfig.class)
@DisplayName("Given the district staff portal My Students (QR Codes) in a real browser")
class BadgePortalBrowserIT {

    @InjectRealm(fromJson = DemoRealm.JSON, lifecycle = LifeCycle.GLOBAL)
    ManagedRealm realm;

    private WebDriver driver;

    @AfterEach
    void tearDown() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    @DisplayName("a teacher signs in, selects two students, prints, and the PDF holds exactly their two badges")
    void teacherPrintsTwoBadges() throws Exception {
        driver = Chromium.start();
        driver.get(portal(""));
        signIn("t.jones");
        waitUntil(() -> text("k12-title").equals("My Students (QR Codes) - LEA 920"));
        assertTrue(text("k12-who").contains("t.jones"), text("k12-who"));

        List<WebElement> boxes = waitForStudents();
        Set<String> chosen = new TreeSet<>();
        for (WebElement box : boxes.subList(0, 2)) {
            box.click();
            chosen.add(box.getAttribute("value"));
        }
        assertEquals("2 students selected", text("k12-selected"));
        int windows = driver.getWindowHandles().size();
        recordBlobs();
        driver.findElement(By.id("k12-print")).click();

        WebElement link = waitFor(By.id("k12-pdf-link"));
        waitUntil(() -> link.isDisplayed() && String.valueOf(link.getAttribute("href")).startsWith("blob:"));
        assertEquals("Open the PDF", link.getText());
        assertTrue(link.getAttribute("download").endsWith(".pdf"), link.getAttribute("download"));
        assertEquals("Printed 2 badges.", text("k12-status"));
        assertEquals(windows + 1, driver.getWindowHandles().size(), "the click opens a window for the PDF");

        List<String> payloads = BadgePdfDecoder.payloads(blob(link.getAttribute("href")));
        assertEquals(2, payloads.size(), payloads::toString);
        Set<String> printedFor = new TreeSet<>();
        for (String payload : payloads) {
            JsonNode student = Badges.login(realm.getBaseUrl(), payload);
            printedFor.add(student.path("sub").asText());
        }
        assertEquals(chosen, printedFor, "the sheet holds the badges of exactly the two selected students");

        // the list reloads: both rows now show an issued badge
        for (String id : chosen) {
            waitUntil(() -> text("k12-badge-" + id).startsWith("Issued "));
        }

        // the whole class: select all, print; every printed badge logs its own student in
        Set<String> roster = new TreeSet<>();
        waitForStudents().forEach(box -> roster.add(box.getAttribute("value")));
        String firstPdf = link.getAttribute("href");
        WebElement selectAll = driver.findElement(By.id("k12-select-all"));
        if (selectAll.isSelected()) {
            selectAll.click();
        }
        selectAll.click();
        waitUntil(() -> text("k12-selected").equals(roster.size() + " students selected"));
        recordBlobs();
        driver.findElement(By.id("k12-print")).click();
        waitUntil(() -> {
            String href = String.valueOf(driver.findElement(By.id("k12-pdf-link")).getAttribute("href"));
            return href.startsWith("blob:") && !href.equals(firstPdf);
        });
        List<String> classPayloads = BadgePdfDecoder.payloads(blob(driver.findElement(By.id("k12-pdf-link")).getAttribute("href")));
        Set<String> loggedIn = new TreeSet<>();
        for (String payload : classPayloads) {
            loggedIn.add(Badges.login(realm.getBaseUrl(), payload).path("sub").asText());
        }
        assertEquals(roster.size(), classPayloads.size());
        assertEquals(roster, loggedIn, "every badge of the class sheet logs its own student in");
        assertTrue(classPayloads.containsAll(payloads), "the two badges printed before are printed again, not replaced");
    }

    @Test
    @DisplayName("in Spanish on a phone (360 x 740) the page speaks Spanish, shows cards and never scrolls sideways")
    void spanishOnAPhone() throws Exception {
        driver = Chromium.start();
        driver.manage().window().setSize(new Dimension(360, 740));
        ((ChromiumDriver) driver).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 360, "height", 740, "deviceScaleFactor", 2, "mobile", true));
        driver.get(portal("?lang=es"));
        signIn("t.jones");
        waitUntil(() -> text("k12-title").equals("Mis estudiantes (códigos QR) - LEA 920"));
        assertEquals("es", driver.findElement(By.tagName("html")).getAttribute("lang"));
        waitForStudents();
        assertEquals("Imprimir credenciales", text("k12-print"));
        assertEquals("Imprimir credenciales nuevas", text("k12-print-new"));

        JavascriptExecutor js = (JavascriptExecutor) driver;
        assertEquals(360L, js.executeScript("return window.innerWidth"));
        assertNotEquals("table-row", js.executeScript(
                "return getComputedStyle(document.querySelector('#k12-rows tr')).display"), "each student is a card, not a table row");
        Object overflow = js.executeScript(
                "return document.documentElement.scrollWidth + ' <= ' + window.innerWidth");
        assertTrue((Boolean) js.executeScript("return document.documentElement.scrollWidth <= window.innerWidth"),
                "horizontal scroll at 360px: " + overflow);
        screenshot("portal-es-360.png");

        // a tablet and a Chromebook: no sideways scrolling either, and the students are a table again
        ((ChromiumDriver) driver).executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        for (int[] size : new int[][] {{768, 1024}, {1366, 768}}) {
            ((ChromiumDriver) driver).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", size[0], "height", size[1], "deviceScaleFactor", 1, "mobile", false));
            waitUntil(() -> ((Number) js.executeScript("return window.innerWidth")).intValue() == size[0]);
            assertTrue((Boolean) js.executeScript("return document.documentElement.scrollWidth <= window.innerWidth"),
                    "horizontal scroll at " + size[0] + "px");
            screenshot("portal-es-" + size[0] + ".png");
        }
        assertEquals("table-row", js.executeScript("return getComputedStyle(document.querySelector('#k12-rows tr')).display"));
    }

    @Test
    @DisplayName("an auditor picks a school: its classes join the class list, and picking one lists that class's students")
    void schoolClassesComeWithTheSchool() {
        driver = Chromium.start();
        driver.get(portal(""));
        signIn("lea-auditor.920");
        waitForRows();
        Select classes = new Select(driver.findElement(By.id("k12-class")));
        assertEquals(1, classes.getOptions().size(), "before a school is chosen, only \"All classes\": a county has thousands");
        new Select(driver.findElement(By.id("k12-school"))).selectByValue("920304");
        waitUntil(() -> new Select(driver.findElement(By.id("k12-class"))).getOptions().stream()
                .anyMatch(option -> option.getText().startsWith("g3-5-jones")));
        Select loaded = new Select(driver.findElement(By.id("k12-class")));
        String jones = loaded.getOptions().stream().filter(option -> option.getText().startsWith("g3-5-jones"))
                .findFirst().orElseThrow().getAttribute("value");
        loaded.selectByValue(jones);
        waitUntil(() -> {
            List<WebElement> rows = driver.findElements(By.cssSelector("#k12-rows tr"));
            return !rows.isEmpty() && rows.stream().allMatch(row -> row.getText().contains("g3-5-jones"));
        });
    }

    private void waitForRows() {
        waitUntil(() -> !driver.findElements(By.cssSelector("#k12-rows tr")).isEmpty());
    }

    @Test
    @DisplayName("a guardian has no students: the page says so in plain words and shows no table")
    void guardianHasNoStudents() {
        driver = Chromium.start();
        driver.get(portal(""));
        signIn("g.okafor");
        waitUntil(() -> text("k12-status").equals("You have no students to show."));
        assertTrue(driver.findElements(By.tagName("table")).stream().noneMatch(WebElement::isDisplayed),
                "no table for someone without students");
        assertFalse(driver.findElement(By.id("k12-print")).isDisplayed());
        assertFalse(driver.getPageSource().contains("\"error\""), "no raw JSON on the page");
    }

    private String portal(String query) {
        return realm.getBaseUrl() + "/k12-portal/" + query;
    }

    /** The realm's identifier-first login (and the demo staff's authenticator app code); back at the portal. */
    private void signIn(String username) {
        IdentifierFirst.signIn(driver, username, DemoRealm.PASSWORD);
        waitUntil(() -> driver.getCurrentUrl().startsWith(portal("")));
    }

    private List<WebElement> waitForStudents() {
        By enabled = By.cssSelector("#k12-rows input.k12-pick:not(:disabled)");
        waitUntil(() -> driver.findElements(enabled).size() >= 2);
        return driver.findElements(enabled);
    }

    /**
     * Keeps every Blob the page turns into a blob: URL, so the test can read it. The portal's CSP
     * ({@code connect-src 'self'}) rightly forbids fetching blob: URLs; a FileReader needs no fetch. WebDriver's own
     * scripts are not held to the page's CSP.
     */
    private void recordBlobs() {
        ((JavascriptExecutor) driver).executeScript("if (!window.k12Blobs) { window.k12Blobs = {};"
                + " var create = URL.createObjectURL.bind(URL);"
                + " URL.createObjectURL = function (b) { var url = create(b); window.k12Blobs[url] = b; return url; }; }");
    }

    /** The bytes behind a blob: URL of the page, read inside the page (the blob exists only there). */
    private byte[] blob(String href) {
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        Object answer = ((JavascriptExecutor) driver).executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "var blob = window.k12Blobs && window.k12Blobs[arguments[0]];"
                        + "if (!blob) { done('ERROR no blob recorded for ' + arguments[0]); return; }"
                        + "var reader = new FileReader();"
                        + "reader.onload = function () { done(String(reader.result).replace(/^data:[^,]*,/, '')); };"
                        + "reader.onerror = function () { done('ERROR ' + reader.error); };"
                        + "reader.readAsDataURL(blob);", href);
        String base64 = String.valueOf(answer);
        assertFalse(base64.startsWith("ERROR"), base64);
        return Base64.getDecoder().decode(base64);
    }

    private void screenshot(String name) throws Exception {
        Path target = Path.of("target", "screenshots");
        Files.createDirectories(target);
        Files.write(target.resolve(name), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    private String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    private WebElement waitFor(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> d.findElement(by));
    }

    private void waitUntil(BooleanSupplier condition) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).ignoring(NoSuchElementException.class)
                .ignoring(StaleElementReferenceException.class)
                .withMessage(() -> "at " + driver.getCurrentUrl() + ", the page says: "
                        + driver.findElements(By.id("k12-status")).stream().map(WebElement::getText).findFirst().orElse("(no portal)"))
                .until(d -> condition.getAsBoolean());
    }
}
