package org.k12id.it.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jsoup.nodes.Element;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** "I'm not a robot" done in Java, as the ALTCHA widget does it in the browser: for tests that speak HTTP. */
public final class Captchas {

    /** The form field the widget posts its answer in. */
    public static final String FIELD = "k12_captcha";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Captchas() {
    }

    /** Finds n with SHA-256(salt + n) = challenge and makes the payload the widget posts (not yet encoded). */
    public static ObjectNode solve(String challengeJson) throws Exception {
        JsonNode challenge = JSON.readTree(challengeJson);
        String salt = challenge.get("salt").asText();
        String target = challenge.get("challenge").asText();
        long max = challenge.get("maxnumber").asLong();
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (long n = 0; n <= max; n++) {
            if (HexFormat.of().formatHex(sha.digest((salt + n).getBytes(StandardCharsets.UTF_8))).equals(target)) {
                ObjectNode payload = JSON.createObjectNode();
                payload.put("algorithm", challenge.get("algorithm").asText());
                payload.put("challenge", target);
                payload.put("number", n);
                payload.put("salt", salt);
                payload.put("signature", challenge.get("signature").asText());
                payload.put("took", 100);
                return payload;
            }
        }
        throw new AssertionError("no solution up to maxnumber " + max);
    }

    /** The payload as the widget posts it: base64 of its JSON. */
    public static String encode(ObjectNode payload) {
        return Base64.getEncoder().encodeToString(payload.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The answer to the widget inside {@code form}, or null when the form has none. */
    public static String answer(Element form) throws Exception {
        Element widget = form.selectFirst("altcha-widget[challenge]");
        return widget == null ? null : encode(solve(widget.attr("challenge")));
    }

    /** In a browser: checks "I'm not a robot" in {@code form} and waits until the widget has solved its proof of work. */
    public static void notARobot(WebDriver driver, String form) {
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> d.findElement(By.cssSelector("#k12-captcha input[type=checkbox]"))).click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> {
            Object value = ((JavascriptExecutor) d).executeScript(
                    "var f = document.querySelector(arguments[0] + ' input[name=k12_captcha]'); return f ? f.value : '';", form);
            return value != null && !value.toString().isEmpty();
        });
    }
}
