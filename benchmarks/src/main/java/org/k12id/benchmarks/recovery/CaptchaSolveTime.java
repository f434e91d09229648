package org.k12id.benchmarks.recovery;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * How long "I'm not a robot" takes in a real browser at the step's default difficulty: headless Debian Chromium opens
 * "Forgot my password", gives a username, checks the box, and the time runs until the widget has put its answer in the
 * form. The widget's own figure (the payload's {@code took}) is read too.
 */
final class CaptchaSolveTime {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A PKCE challenge (S256 of a fixed verifier): the benchmark never exchanges the code. */
    private static final String CODE_CHALLENGE = codeChallenge("k12-benchmark-verifier-that-is-never-used-0123456789");

    /** One solve: the wall time from the click to the answer in the form, and the widget's own time. */
    record Solve(long wallMillis, long tookMillis) {
    }

    private CaptchaSolveTime() {
    }

    /**
     * {@code times} solves; {@code cpuSlowdown} above 1 has Chromium slow its CPU that many times (DevTools'
     * {@code Emulation.setCPUThrottlingRate}, as Lighthouse does for slow devices), a stand-in for a slow laptop.
     */
    static List<Solve> measure(String server, String realm, int times, int cpuSlowdown) throws Exception {
        Path profile = Files.createTempDirectory("k12-bench-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(new File("/usr/bin/chromium"));
        options.addArguments(List.of("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--window-size=1366,768", "--user-data-dir=" + profile));
        ChromeDriver driver = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).build(), options);
        List<Solve> solves = new ArrayList<>();
        try {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
            for (int i = 0; i < times + 2; i++) { // the first two warm the browser up
                driver.manage().deleteAllCookies();
                driver.get(server + "/realms/" + realm + "/protocol/openid-connect/auth?client_id=k12-demo-app"
                        + "&redirect_uri=http%3A%2F%2Flocalhost%3A8400%2Fcallback&response_type=code&scope=openid"
                        // the demo app must send PKCE; without it Keycloak sends the browser back to the app's
                        // callback, where nothing listens ("connection refused")
                        + "&code_challenge=" + CODE_CHALLENGE + "&code_challenge_method=S256");
                wait.until(d -> d.findElement(By.id("k12-forgot-password"))).click();
                wait.until(d -> d.findElement(By.id("username"))).sendKeys("no.such.person." + i);
                driver.findElement(By.cssSelector("#kc-reset-password-form [type=submit]")).click();
                wait.until(d -> d.findElement(By.cssSelector("#k12-captcha input[type=checkbox]")));
                if (cpuSlowdown > 1) {
                    driver.executeCdpCommand("Emulation.setCPUThrottlingRate", java.util.Map.of("rate", cpuSlowdown));
                }
                long t0 = System.nanoTime();
                driver.findElement(By.cssSelector("#k12-captcha input[type=checkbox]")).click();
                String payload = wait.until(d -> {
                    Object value = ((JavascriptExecutor) d).executeScript(
                            "var f = document.querySelector('#k12-captcha-form input[name=k12_captcha]'); return f ? f.value : '';");
                    return value != null && !value.toString().isEmpty() ? value.toString() : null;
                });
                long wall = (System.nanoTime() - t0) / 1_000_000;
                long took = JSON.readTree(new String(Base64.getDecoder().decode(payload), StandardCharsets.UTF_8)).path("took").asLong();
                if (i >= 2) {
                    solves.add(new Solve(wall, took));
                }
            }
        } finally {
            driver.quit();
        }
        return solves;
    }

    private static String codeChallenge(String verifier) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void report(List<Solve> solves, int cpuSlowdown) {
        List<Long> wall = solves.stream().map(Solve::wallMillis).sorted().toList();
        List<Long> took = solves.stream().map(Solve::tookMillis).sorted().toList();
        System.out.printf("I'm not a robot, default difficulty, headless Chromium%s, %d solves: click to answer p50 %d ms, p95 %d ms,"
                + " max %d ms; the widget's own time p50 %d ms, p95 %d ms%n",
                cpuSlowdown > 1 ? " with its CPU slowed " + cpuSlowdown + " times" : "", wall.size(), wall.get(wall.size() / 2),
                wall.get((int) Math.ceil(0.95 * wall.size()) - 1), wall.get(wall.size() - 1), took.get(took.size() / 2),
                took.get((int) Math.ceil(0.95 * took.size()) - 1));
    }
}
