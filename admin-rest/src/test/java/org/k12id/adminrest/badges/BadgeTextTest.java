package org.k12id.adminrest.badges;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Badge text: printable in the embedded font, fitted to its cell")
class BadgeTextTest {

    private static PDDocument document;
    private static BadgeText text;

    @BeforeAll
    static void load() throws IOException {
        document = new PDDocument();
        text = BadgeText.load(document);
    }

    @AfterAll
    static void close() throws IOException {
        text.close();
        document.close();
    }

    @ParameterizedTest(name = "[{0}] prints as [{1}]")
    @CsvSource(delimiter = '|', value = {
            "María José Pérez|María José Pérez",
            "Nguyễn Văn An|Nguyễn Văn An",
            "王小明|???",
            "Ana\u200dMaria\u00ad|AnaMaria",
            "\u202eevil|evil"})
    void keepsAccentsMarksMissingGlyphsAndDropsInvisibles(String raw, String printed) {
        assertEquals(printed, text.printable(raw));
    }

    @Test
    @DisplayName("decomposed accents are composed first, so the font's precomposed glyphs are used")
    void decomposedAccentsAreComposed() {
        assertEquals("Zoë Pérez", text.printable("Zoe\u0308 Pe\u0301rez"));
    }

    @Test
    @DisplayName("tabs, line breaks and runs of spaces become one space; ends are trimmed")
    void whitespaceRunsBecomeOneSpaceAndEndsAreTrimmed() {
        assertEquals("Zoë O'Brien", text.printable("  Zoë \t\r\n O'Brien\n"));
    }

    @Test
    @DisplayName("null and blank print as empty")
    void nullAndBlankPrintAsEmpty() {
        assertEquals("", text.printable(null));
        assertEquals("", text.printable(" \t\r\n\u00a0\u3000"));
    }

    @Test
    @DisplayName("text that fits keeps its size")
    void textThatFitsKeepsItsSize() throws IOException {
        assertEquals(new BadgeText.Fitted("Ethan Thomas", 11), text.fit("Ethan Thomas", 11, 132));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 5, 10, 20, 40, 80, 200})
    @DisplayName("text that does not fit shrinks to at most 80% of its size, then is cut with an ellipsis; never wider")
    void neverWider(int repeat) throws IOException {
        String line = text.printable("María José Pérez-Nguyễn ".repeat(repeat));
        float max = 100;
        BadgeText.Fitted fitted = text.fit(line, 11, max);
        assertTrue(text.width(fitted.text(), fitted.size()) <= max + 0.01f, fitted::toString);
        assertTrue(fitted.size() >= 11 * BadgeText.MIN_SCALE - 0.001f && fitted.size() <= 11, fitted::toString);
        if (!fitted.text().equals(line)) {
            assertEquals(11 * BadgeText.MIN_SCALE, fitted.size(), 0.001f);
            assertTrue(fitted.text().endsWith("\u2026"), fitted::toString);
            assertTrue(line.startsWith(fitted.text().substring(0, fitted.text().length() - 1)), fitted::toString);
        }
    }

    @Test
    @DisplayName("a slightly wide name is shrunk, not cut")
    void slightlyWideNameIsShrunkNotCut() throws IOException {
        String name = "Chloé Dubois-Leclerc";
        float width = text.width(name, 11);
        BadgeText.Fitted fitted = text.fit(name, 11, width * 0.9f);
        assertEquals(name, fitted.text());
        assertEquals(11 * 0.9f, fitted.size(), 0.01f);
    }

    @Test
    @DisplayName("a cut never splits a letter from its accent")
    void cutNeverSplitsALetterFromItsAccent() throws IOException {
        // 'ǹ' + combining dot below: no precomposed form, so two code points that must stay together
        String line = text.printable("n\u0300\u0323".repeat(60));
        BadgeText.Fitted fitted = text.fit(line, 11, 50);
        String kept = fitted.text().substring(0, fitted.text().length() - 1);
        assertEquals(0, kept.length() % 2, fitted::toString);
    }
}
