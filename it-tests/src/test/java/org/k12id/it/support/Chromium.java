package org.k12id.it.support;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Debian Chromium driven by Debian's chromedriver (both installed by .ci/run; nothing is downloaded). A
 * missing browser fails the test: a browser test that does not run proves nothing.
 */
public final class Chromium {

    private Chromium() {
    }

    public static WebDriver start(String... extraArguments) {
        File chromium = new File(System.getProperty("k12.chromium", "/usr/bin/chromium"));
        File driver = new File(System.getProperty("k12.chromedriver", "/usr/bin/chromedriver"));
        if (!chromium.canExecute() || !driver.canExecute()) {
            throw new AssertionError("headless Chromium is needed: apt-get install -y chromium chromium-driver");
        }
        try {
            Path profile = Files.createTempDirectory("k12-chromium");
            // the profile goes when the test JVM does (by then every browser of the suite has quit)
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(profile)));
            ChromeOptions options = new ChromeOptions();
            options.setBinary(chromium);
            options.addArguments(List.of("--headless=new", "--no-sandbox", "--disable-gpu",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                    "--disable-dev-shm-usage", "--window-size=1280,900", "--user-data-dir=" + profile));
            options.addArguments(extraArguments);
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver).build();
            WebDriver webDriver = new ChromeDriver(service, options);
            webDriver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            return webDriver;
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void deleteQuietly(Path folder) {
        try (var paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            // a leftover temp folder is no test failure
        }
    }
}
