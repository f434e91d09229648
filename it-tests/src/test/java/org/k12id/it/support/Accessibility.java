package org.k12id.it.support;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.provider.Arguments;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.interactions.Actions;

/**
 * The accessibility checks of the browser tests (issue 16: WCAG 2.1 AA on every page the pack draws), for any page a
 * test has open in {@link Chromium}:
 * <ul>
 *     <li>{@link #assertNoViolations}: axe-core with the WCAG 2.0/2.1 A and AA rules; a critical, serious or moderate
 *     violation fails the test, listed by rule id, impact, target selectors and help;</li>
 *     <li>{@link #assertFitsViewport}: the page is no wider than the window (no sideways scrolling on a phone);</li>
 *     <li>{@link #assertKeyboardReachesEveryControl}: Tab reaches every visible, enabled control, each with a visible
 *     focus indicator;</li>
 *     <li>{@link #assertTargetsAtLeast}: every control is a large enough target for a finger (44 x 44 px);</li>
 *     <li>{@link #resize}: the window sizes the district's pages must work at ({@link Viewport});</li>
 *     <li>{@link #assertAccessibleAtEverySize}: the four checks at each of those sizes, by resizing the same page, so
 *     that a test walks a flow once per language and checks each page on it as a phone and a Chromebook show it.</li>
 * </ul>
 */
public final class Accessibility {

    /** The WCAG 2.0 and 2.1 A and AA rules of axe-core. */
    public static final List<String> WCAG_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    /** Impacts that fail a test; "minor" ones are reported by axe but do not. */
    public static final Set<String> FAILING_IMPACTS = Set.of("critical", "serious", "moderate");

    /**
     * WCAG 2.1's reflow width (1.4.10): 320 CSS px, a 1280 px window zoomed to 400 %. Pages must fit it without
     * scrolling sideways; the full checks run at the {@link Viewport}s.
     */
    public static final int REFLOW_WIDTH = 320;

    /** The window sizes of the district's devices. */
    public enum Viewport {
        PHONE(390, 844),
        CHROMEBOOK(1366, 768);

        public final int width;
        public final int height;

        Viewport(int width, int height) {
            this.width = width;
            this.height = height;
        }

        @Override
        public String toString() {
            return name().toLowerCase() + " " + width + "x" + height;
        }
    }

    private Accessibility() {
    }

    /**
     * Every language and size a page is checked in, as arguments (language, {@link Viewport}) of a parameterized test:
     * {@code @MethodSource("org.k12id.it.support.Accessibility#languagesAndViewports")}.
     */
    public static Stream<Arguments> languagesAndViewports() {
        List<Arguments> all = new ArrayList<>();
        for (String language : List.of("en", "es")) {
            for (Viewport viewport : Viewport.values()) {
                all.add(Arguments.of(language, viewport));
            }
        }
        return all.stream();
    }

    /** All four checks of the open page, each reported, so that one run names every problem of the page. */
    public static void assertAccessible(WebDriver driver, String pageName) {
        assertAll(pageName,
                () -> assertNoViolations(driver, pageName),
                () -> assertFitsViewport(driver),
                () -> assertTargetsAtLeast(driver, 44),
                () -> assertKeyboardReachesEveryControl(driver));
    }

    /**
     * The size a walk through a flow in {@code language} goes at, between the pages it checks at every size: English
     * on a phone, Spanish on a Chromebook, so that each size has the flow's steps taken (typed, tapped) in one language.
     */
    public static Viewport walkedAt(String language) {
        return "en".equals(language) ? Viewport.PHONE : Viewport.CHROMEBOOK;
    }

    /**
     * Every {@link Viewport}, the one the open page is at last: a test that resizes to each in turn, in this order,
     * leaves the window at the size the walk goes at ({@link #walkedAt}).
     */
    public static List<Viewport> everySizeEndingWithThis(WebDriver driver) {
        long width = ((Number) js(driver).executeScript("return window.innerWidth;")).longValue();
        List<Viewport> sizes = new ArrayList<>(List.of(Viewport.values()));
        sizes.sort(Comparator.comparing(viewport -> viewport.width == width));
        return sizes;
    }

    /**
     * {@link #assertAccessible} of the open page at every {@link Viewport}: the same page resized, its name followed by
     * the size in any failure ({@code "claim: terms of use, es, phone 390x844"}); each size is checked and reported
     * even when the other fails. The page's own size is checked last, so the window stays at it.
     */
    public static void assertAccessibleAtEverySize(WebDriver driver, String pageName) {
        assertAll(pageName, everySizeEndingWithThis(driver).stream().map(viewport -> (Executable) () -> {
            resize(driver, viewport);
            assertAccessible(driver, pageName + ", " + viewport);
        }));
    }

    /**
     * Sets the page's viewport to exactly {@code viewport} (CSS pixels, device scale 1, desktop rendering so that a
     * too-wide page scrolls rather than being zoomed out): through the DevTools protocol, since a headless window's
     * outer size is not its viewport. Before loading a page, or on an open page, which is laid out again at once (as
     * when a phone is turned); again on another driver.
     */
    public static void resize(WebDriver driver, Viewport viewport) {
        resize(driver, viewport.width, viewport.height);
    }

    /** As {@link #resize(WebDriver, Viewport)}, to any size: {@link #REFLOW_WIDTH} for WCAG 1.4.10. */
    public static void resize(WebDriver driver, int width, int height) {
        if (driver instanceof HasCdp cdp) {
            cdp.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                    "width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
        } else {
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
        }
    }

    /** Runs axe-core on the open page and fails on any critical, serious or moderate WCAG 2.0/2.1 A/AA violation. */
    public static void assertNoViolations(WebDriver driver, String pageName) {
        Results results = new AxeBuilder().withTags(WCAG_TAGS).analyze(driver);
        assertTrue(!results.isErrored(), () -> "axe-core could not run on " + pageName + ": " + results.getErrorMessage());
        List<Rule> failing = results.getViolations().stream()
                .filter(rule -> FAILING_IMPACTS.contains(rule.getImpact()))
                .toList();
        assertTrue(failing.isEmpty(), () -> pageName + " (" + driver.getCurrentUrl() + ") has " + failing.size()
                + " accessibility violation(s):\n" + failing.stream().map(Accessibility::describe)
                .collect(Collectors.joining("\n")));
    }

    private static String describe(Rule rule) {
        String targets = rule.getNodes().stream().map(CheckedNode::getTarget).map(String::valueOf)
                .collect(Collectors.joining(", "));
        return "  - " + rule.getId() + " (" + rule.getImpact() + ") on " + targets + ": " + rule.getHelp()
                + " [" + rule.getHelpUrl() + "]";
    }

    /** The document is no wider than the window: nothing makes the page scroll sideways. */
    public static void assertFitsViewport(WebDriver driver) {
        @SuppressWarnings("unchecked")
        Map<String, Object> sizes = (Map<String, Object>) js(driver).executeScript(
                "var d = document.documentElement;"
                        + "var wide = Array.prototype.filter.call(document.querySelectorAll('body *'), function (e) {"
                        + "  var r = e.getBoundingClientRect(); return r.right > window.innerWidth + 0.5; })"
                        + "  .slice(0, 5).map(function (e) { return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')"
                        + "    + (e.className && e.className.baseVal === undefined ? '.' + String(e.className).trim().split(/\\s+/).join('.') : ''); });"
                        + "var name = function (e) { return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')"
                        + "    + (e.className && e.className.baseVal === undefined ? '.' + String(e.className).trim().split(/\\s+/).join('.') : ''); };"
                        + "var spilling = Array.prototype.filter.call(document.querySelectorAll('body, body *'), function (e) {"
                        + "  return e.scrollWidth > e.clientWidth + 0.5 && getComputedStyle(e).overflowX === 'visible'; })"
                        + "  .slice(-5).map(function (e) { return name(e) + ' (' + e.scrollWidth + ' > ' + e.clientWidth + ')'; });"
                        + "return {scroll: d.scrollWidth, inner: window.innerWidth, wide: wide.join(', '),"
                        + "  spilling: spilling.join(', ')};");
        long scroll = ((Number) sizes.get("scroll")).longValue();
        long inner = ((Number) sizes.get("inner")).longValue();
        assertTrue(scroll <= inner, () -> driver.getCurrentUrl() + " is " + scroll + " px wide in a " + inner
                + " px window; reaching past its right edge: " + sizes.get("wide") + "; spilling out of their boxes: "
                + sizes.get("spilling"));
    }

    /**
     * Tabs through the page from its start and asserts that every visible, enabled control (links with an address,
     * buttons, inputs other than hidden ones, selects, textareas, summaries; of a group of radio buttons, one) receives
     * the focus, and that each focused control shows a visible focus indicator.
     *
     * <p>"Visible" is judged from the computed style of the control while focused by the keyboard, against its style
     * before any control had the focus: an outline that is not {@code none}, at least 1px wide and not transparent; or
     * a box-shadow other than the unfocused one; or a border colour, width or style other than the unfocused one. A
     * change of background or text colour alone, or a focus ring drawn by a wrapper, is not counted.
     */
    public static void assertKeyboardReachesEveryControl(WebDriver driver) {
        JavascriptExecutor js = js(driver);
        @SuppressWarnings("unchecked")
        List<String> controls = (List<String>) js.executeScript(
                "if (document.activeElement) { document.activeElement.blur(); }"
                        // Tab starts from the top of the page: from a focused, empty, non-tabbable mark before all else
                        + "var start = document.createElement('span'); start.tabIndex = -1;"
                        + "start.setAttribute('data-k12-a11y-start', '');"
                        + "document.body.insertBefore(start, document.body.firstChild); start.focus();"
                        + "var style = function (e) { var s = getComputedStyle(e);"
                        + "  return [s.boxShadow, s.borderTopColor, s.borderTopWidth, s.borderTopStyle, s.borderBottomColor,"
                        + "    s.borderBottomWidth, s.borderBottomStyle].join('|'); };"
                        + "var all = document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary');"
                        + "var names = []; var radioGroups = {};"
                        + "Array.prototype.forEach.call(all, function (e) {"
                        + "  var r = e.getBoundingClientRect(); var s = getComputedStyle(e);"
                        + "  if (r.width === 0 || r.height === 0 || s.visibility === 'hidden' || e.disabled || e.closest('[hidden], [inert]')) { return; }"
                        + "  var name = e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.name ? '[name=' + e.name + ']' : '')"
                        + "    + (e.tagName === 'A' ? '[href=' + e.getAttribute('href').slice(0, 40) + ']' : '');"
                        + "  if (e.type === 'radio' && e.name) { if (radioGroups[e.name]) { return; } radioGroups[e.name] = true;"
                        + "    name = 'radio group ' + e.name; }"
                        + "  e.setAttribute('data-k12-a11y', String(names.length));"
                        + "  e.setAttribute('data-k12-a11y-style', style(e));"
                        + "  names.push(name); });"
                        + "return names;");
        List<String> reached = new ArrayList<>();
        List<String> invisible = new ArrayList<>();
        boolean[] seen = new boolean[controls.size()];
        int remaining = controls.size();
        for (int press = 0; press < controls.size() * 2 + 10 && remaining > 0; press++) {
            new Actions(driver).sendKeys(Keys.TAB).perform();
            @SuppressWarnings("unchecked")
            Map<String, Object> focused = (Map<String, Object>) js.executeScript(
                    "var e = document.activeElement;"
                            + "if (!e || e === document.body) { return null; }"
                            + "var mark = e.getAttribute('data-k12-a11y');"
                            + "if (mark === null && e.type === 'radio' && e.name) {"
                            + "  var first = document.querySelector('input[type=radio][name=\"' + e.name + '\"][data-k12-a11y]');"
                            + "  mark = first ? first.getAttribute('data-k12-a11y') : null; }"
                            + "var s = getComputedStyle(e);"
                            + "var now = [s.boxShadow, s.borderTopColor, s.borderTopWidth, s.borderTopStyle, s.borderBottomColor,"
                            + "  s.borderBottomWidth, s.borderBottomStyle].join('|');"
                            + "var outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 1"
                            + "  && !/rgba\\(.*, 0\\)$/.test(s.outlineColor) && s.outlineColor !== 'transparent';"
                            + "var before = e.getAttribute('data-k12-a11y-style');"
                            + "return {mark: mark, visible: outline || (before !== null && now !== before),"
                            + "  name: e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')};");
            if (focused == null || focused.get("mark") == null) {
                continue;
            }
            int index = Integer.parseInt((String) focused.get("mark"));
            if (!seen[index]) {
                seen[index] = true;
                remaining--;
                reached.add(controls.get(index));
                if (!Boolean.TRUE.equals(focused.get("visible"))) {
                    invisible.add(controls.get(index));
                }
            }
        }
        js.executeScript("var start = document.querySelector('[data-k12-a11y-start]'); if (start) { start.remove(); }");
        List<String> missed = new ArrayList<>();
        for (int i = 0; i < controls.size(); i++) {
            if (!seen[i]) {
                missed.add(controls.get(i));
            }
        }
        String page = driver.getCurrentUrl();
        assertTrue(missed.isEmpty() && invisible.isEmpty(), () -> "keyboard on " + page + ": "
                + (missed.isEmpty() ? "" : "never reached by Tab: " + missed + "; ")
                + (invisible.isEmpty() ? "" : "no visible focus indicator on: " + invisible + "; ")
                + "reached in order: " + reached);
    }

    /**
     * Every visible, enabled control is a target of at least {@code min} x {@code min} CSS pixels (44 for issue 16).
     * A checkbox or radio button is measured with its label (a click on the label works it), a link set inline in a
     * sentence is left out (WCAG's inline exception).
     */
    public static void assertTargetsAtLeast(WebDriver driver, int min) {
        @SuppressWarnings("unchecked")
        List<String> small = (List<String>) js(driver).executeScript(
                "var min = arguments[0]; var small = [];"
                        + "var all = document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary');"
                        + "Array.prototype.forEach.call(all, function (e) {"
                        + "  var r = e.getBoundingClientRect(); var s = getComputedStyle(e);"
                        + "  if (r.width === 0 || r.height === 0 || s.visibility === 'hidden' || e.disabled || e.closest('[hidden], [inert]')) { return; }"
                        + "  if (e.tagName === 'A' && s.display === 'inline') { return; }"
                        + "  var w = r.width, h = r.height;"
                        + "  if ((e.type === 'checkbox' || e.type === 'radio') && e.labels && e.labels.length) {"
                        + "    Array.prototype.forEach.call(e.labels, function (l) { var b = l.getBoundingClientRect();"
                        + "      w = Math.max(w, b.width); h = Math.max(h, b.height); }); }"
                        + "  if (w + 0.5 < min || h + 0.5 < min) {"
                        + "    small.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + ' ' + Math.round(w) + 'x' + Math.round(h)); } });"
                        + "return small;", min);
        assertTrue(small.isEmpty(), () -> driver.getCurrentUrl() + ": targets smaller than " + min + " x " + min
                + " px: " + small);
    }

    private static JavascriptExecutor js(WebDriver driver) {
        return (JavascriptExecutor) driver;
    }
}
