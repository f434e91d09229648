package org.k12id.it.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A plain HTTP user agent for the login pages: keeps cookies, follows redirects within the server (to its own pages,
 * such as a required action) but stops at a redirect to another origin (the app), which the test reads; it submits the
 * page's own forms with the fields a person would fill in. Headless Chromium tests use Selenium instead.
 *
 * <p>Cookies are kept by name for the one server under test (java.net.CookieManager mishandles {@code localhost}).
 */
public final class Browser {

    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final String stopAt;

    public Browser() {
        this(null);
    }

    private Browser(String stopAt) {
        this.stopAt = stopAt;
    }

    /**
     * A browser that also stops at a redirect to an address starting with {@code urlPrefix} on the server itself (an
     * app served by the server, such as the pack's staff portal, whose code the test then reads as its script would).
     */
    public static Browser stoppingAt(String urlPrefix) {
        return new Browser(urlPrefix);
    }

    /** One answer from the server: its status, its Location header and, for pages, the parsed HTML. */
    public record Page(int status, String location, String body, URI uri) {

        public Document document() {
            return Jsoup.parse(body, uri.toString());
        }

        /** The page's form (the first one when {@code selector} is null). */
        public Element form(String selector) {
            Element form = selector == null ? document().selectFirst("form") : document().selectFirst(selector);
            if (form == null) {
                throw new AssertionError("no form " + (selector == null ? "" : selector) + " on page " + uri + ":\n" + body);
            }
            return form;
        }
    }

    public Page get(String url) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET());
    }

    public Page post(String url, Map<String, String> fields) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(fields))));
    }

    /** Submits a form of the page: its hidden inputs plus {@code fields}, to the form's absolute action URL. */
    public Page submit(Page page, String formSelector, Map<String, String> fields) throws IOException, InterruptedException {
        Element form = page.form(formSelector);
        Map<String, String> all = new LinkedHashMap<>();
        for (Element input : form.select("input[type=hidden][name]")) {
            all.put(input.attr("name"), input.val());
        }
        all.putAll(fields);
        String action = form.absUrl("action");
        if (action.isEmpty()) {
            throw new AssertionError("form without action on " + page.uri());
        }
        return post(action, all);
    }

    private Page send(HttpRequest.Builder builder) throws IOException, InterruptedException {
        Page page = sendOnce(builder);
        for (int hops = 0; hops < 10 && isRedirect(page.status()) && page.location() != null; hops++) {
            URI next = page.uri().resolve(page.location());
            if (!sameOrigin(next, page.uri()) || stopAt != null && next.toString().startsWith(stopAt)) {
                break;
            }
            page = sendOnce(HttpRequest.newBuilder(next).timeout(Duration.ofSeconds(30)).GET());
        }
        return page;
    }

    private static boolean isRedirect(int status) {
        return status == 302 || status == 303 || status == 307;
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equals(b.getScheme()) && a.getHost().equals(b.getHost()) && a.getPort() == b.getPort();
    }

    private Page sendOnce(HttpRequest.Builder builder) throws IOException, InterruptedException {
        if (!cookies.isEmpty()) {
            builder.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        HttpRequest request = builder.build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        keepCookies(response.headers().allValues("Set-Cookie"));
        return new Page(response.statusCode(), response.headers().firstValue("Location").orElse(null),
                response.body(), request.uri());
    }

    private void keepCookies(List<String> setCookies) {
        for (String header : setCookies) {
            String pair = header.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = pair.substring(0, eq).trim();
            String value = pair.substring(eq + 1).trim();
            String lower = header.toLowerCase();
            if (value.isEmpty() || lower.contains("max-age=0") || lower.contains("expires=thu, 01 jan 1970")) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
    }

    public static String encode(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
