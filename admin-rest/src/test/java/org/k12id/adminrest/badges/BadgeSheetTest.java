package org.k12id.adminrest.badges;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.k12id.authenticators.badge.BadgePayload;

@DisplayName("Badge sheet PDF")
class BadgeSheetTest {

    private static final String[] NAMES = {
            "María José Pérez", "Nguyễn Văn An", "Zoë O'Brien", "Ethan Thomas", "Aaliyah Johnson", "Łukasz Wójcik",
            "Chloé Dubois-Leclerc", "Søren Ødegård", "Mateo Hernández", "Nadia Ali", "Björn Åström", "Kai Nakamura",
            "Amara Okafor", "Ioana Ștefănescu", "José Ángel Núñez", "Grace Lee"};

    static List<BadgeCard> cards(int count, long seed) {
        Random random = new Random(seed);
        List<BadgeCard> cards = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] secret = new byte[BadgePayload.SECRET_BYTES];
            random.nextBytes(secret);
            String payload = new BadgePayload(new UUID(random.nextLong(), random.nextLong()), secret).encode();
            cards.add(new BadgeCard(payload, NAMES[i % NAMES.length], "Pine Elementary School", "3 · g3-5-jones",
                    LocalDate.of(2026, 11, 22).minusDays(i), 1 + i % 3));
        }
        return cards;
    }

    static byte[] render(List<BadgeCard> cards, SheetLayout layout, Paper paper) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(cards.size(), BadgeSheet.render(cards.iterator(), layout, paper, out));
        return out.toByteArray();
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Nested
    @DisplayName("Given a number of badges, a layout and a paper")
    class Pages {

        @ParameterizedTest(name = "{0} badges as {1} on {2}: {3} page(s)")
        @CsvSource({
                "1, LABELS, LETTER, 1", "12, LABELS, LETTER, 1", "13, LABELS, LETTER, 2", "30, LABELS, LETTER, 3",
                "15, LABELS, A4, 1", "16, LABELS, A4, 2", "30, LABELS, A4, 2",
                "10, CARDS, LETTER, 1", "11, CARDS, LETTER, 2", "30, CARDS, LETTER, 3",
                "10, CARDS, A4, 1", "21, CARDS, A4, 3"})
        @DisplayName("the pages hold 12 (labels, Letter), 15 (labels, A4) or 10 (cards) badges each")
        void pageCount(int count, SheetLayout layout, Paper paper, int pages) throws IOException {
            try (PDDocument document = Loader.loadPDF(render(cards(count, count), layout, paper))) {
                assertEquals(pages, document.getNumberOfPages());
                for (PDPage page : document.getPages()) {
                    assertEquals(paper.width, page.getMediaBox().getWidth(), 0.01);
                    assertEquals(paper.height, page.getMediaBox().getHeight(), 0.01);
                }
            }
        }

        @ParameterizedTest
        @EnumSource(SheetLayout.class)
        @DisplayName("no badges give one blank page and a count of 0")
        void noBadgesGiveOneBlankPageAndACountOfZero(SheetLayout layout) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertEquals(0, BadgeSheet.render(Collections.emptyIterator(), layout, Paper.LETTER, out));
            try (PDDocument document = Loader.loadPDF(out.toByteArray())) {
                assertEquals(1, document.getNumberOfPages());
                assertEquals(List.of(), BadgePdfDecoder.payloads(out.toByteArray()));
            }
        }

        @Test
        @DisplayName("the grid is centred on the page and every cell lies inside it")
        void gridIsCentredWithEveryCellInside() {
            for (SheetLayout layout : SheetLayout.values()) {
                for (Paper paper : Paper.values()) {
                    SheetGrid grid = SheetGrid.of(layout, paper);
                    int last = grid.perPage() - 1;
                    float left = grid.cellX(0);
                    float right = paper.width - grid.cellX(last) - grid.cellWidth();
                    float top = paper.height - grid.cellTop(0);
                    float bottom = grid.cellTop(last) - grid.cellHeight();
                    assertEquals(left, right, 0.01, layout + " " + paper);
                    assertEquals(top, bottom, 0.01, layout + " " + paper);
                    assertTrue(left >= 0.25f * 72 && top >= 0.25f * 72, layout + " " + paper + " margins");
                }
            }
        }
    }

    @Nested
    @DisplayName("Round trip: rendered, rasterized at " + BadgePdfDecoder.DPI + " dpi and decoded")
    class RoundTrip {

        @ParameterizedTest(name = "{0} on {1}")
        @CsvSource({"LABELS, LETTER", "LABELS, A4", "CARDS, LETTER", "CARDS, A4"})
        @DisplayName("every QR code decodes to its card's payload, in the cards' order, over full and partial pages")
        void everyQrCodeDecodesToItsPayloadInOrder(SheetLayout layout, Paper paper) throws IOException {
            int perPage = SheetGrid.of(layout, paper).perPage();
            List<BadgeCard> cards = cards(perPage + perPage / 2 + 1, 7);
            byte[] pdf = render(cards, layout, paper);
            assertEquals(cards.stream().map(BadgeCard::payload).toList(), BadgePdfDecoder.payloads(pdf));
        }

        @ParameterizedTest(name = "{0} on {1}")
        @CsvSource({"LABELS, LETTER", "LABELS, A4", "CARDS, LETTER", "CARDS, A4"})
        @DisplayName("the text layer holds every student's name, school, class line and date with version")
        void textLayerHoldsEveryNameSchoolClassAndDate(SheetLayout layout, Paper paper) throws IOException {
            List<BadgeCard> cards = cards(NAMES.length, 3);
            String text = text(render(cards, layout, paper));
            assertAll(cards.stream().map(card -> () -> {
                assertTrue(text.contains(card.studentName()), card.studentName() + " missing from:\n" + text);
                assertTrue(text.contains(card.issued() + " · v" + card.version()), text);
            }));
            assertTrue(text.contains("Pine Elementary School"), text);
            assertTrue(text.contains("3 · g3-5-jones"), text);
        }
    }

    @Nested
    @DisplayName("Given odd or hostile text")
    class OddText {

        private BadgeCard card(String name) {
            return new BadgeCard(cards(1, 1).get(0).payload(), name, name, name, null, 0);
        }

        @Test
        @DisplayName("null, blank and control-character fields print as empty or spaces, never fail")
        void blankAndControlCharacterFieldsPrintEmptyNeverFail() throws IOException {
            List<BadgeCard> cards = List.of(card(null), card(""), card("   "), card("\t\n\r\u0000"),
                    new BadgeCard(cards(1, 2).get(0).payload(), null, null, null, null, 0));
            byte[] pdf = render(cards, SheetLayout.LABELS, Paper.LETTER);
            assertEquals(cards.stream().map(BadgeCard::payload).toList(), BadgePdfDecoder.payloads(pdf));
            assertEquals("", text(pdf).strip());
        }

        @Test
        @DisplayName("characters the font lacks (CJK, emoji, broken surrogates) print as '?'; the badge still reads")
        void missingGlyphs() throws IOException {
            List<BadgeCard> cards = List.of(card("王小明"), card("Zoë 😀"), card("bad \ud800 half"),
                    card("\u202eevil\u202c"), card("O'Brien <script>alert(1)</script> %PDF-1.7 ) ( \\"));
            byte[] pdf = render(cards, SheetLayout.CARDS, Paper.A4);
            assertEquals(cards.stream().map(BadgeCard::payload).toList(), BadgePdfDecoder.payloads(pdf));
            String text = text(pdf);
            assertTrue(text.contains("???"), text);
            assertTrue(text.contains("Zoë ?"), text);
            assertTrue(text.contains("bad ? half"), text);
            assertTrue(text.contains("evil") && !text.contains("\u202e"), text);
            assertTrue(text.contains("O'Brien <script>"), text);
        }

        @ParameterizedTest
        @EnumSource(SheetLayout.class)
        @DisplayName("a very long name is shrunk and cut with an ellipsis inside its cell; the badge still reads")
        void longName(SheetLayout layout) throws IOException {
            String name = "Maximiliana Alejandra de la Santísima Trinidad Fernández-Villavicencio y Hohenzollern";
            List<BadgeCard> cards = List.of(card(name), card("W".repeat(100_000)));
            byte[] pdf = render(cards, layout, Paper.LETTER);
            assertEquals(cards.stream().map(BadgeCard::payload).toList(), BadgePdfDecoder.payloads(pdf));
            String text = text(pdf);
            assertTrue(text.contains("Maximiliana Alejandra"), text);
            assertTrue(text.contains("\u2026"), text);
            assertFalse(text.contains("Hohenzollern"), text);
        }
    }

    @Nested
    @DisplayName("The document")
    class Document {

        @Test
        @DisplayName("is titled 'K12 student badges' and its metadata holds nothing about the students")
        void titledWithNothingAboutStudentsInMetadata() throws IOException {
            List<BadgeCard> cards = cards(3, 5);
            try (PDDocument document = Loader.loadPDF(render(cards, SheetLayout.LABELS, Paper.LETTER))) {
                PDDocumentInformation info = document.getDocumentInformation();
                assertEquals("K12 student badges", info.getTitle());
                assertNull(info.getAuthor());
                assertNull(info.getSubject());
                assertNull(info.getKeywords());
                assertNull(document.getDocumentCatalog().getMetadata());
                String all = info.getCOSObject().toString();
                for (BadgeCard card : cards) {
                    assertFalse(all.contains(card.studentName()) || all.contains(card.payload()), all);
                }
            }
        }

        @Test
        @DisplayName("is all vector: no images, one embedded font subset")
        void allVectorWithOneEmbeddedFontSubset() throws IOException {
            try (PDDocument document = Loader.loadPDF(render(cards(12, 9), SheetLayout.LABELS, Paper.LETTER))) {
                PDPage page = document.getPage(0);
                assertFalse(page.getResources().getXObjectNames().iterator().hasNext());
                List<String> fonts = new ArrayList<>();
                for (var name : page.getResources().getFontNames()) {
                    var font = page.getResources().getFont(name);
                    assertTrue(font.isEmbedded());
                    fonts.add(font.getName());
                }
                assertEquals(1, fonts.size(), fonts::toString);
                assertTrue(fonts.get(0).matches("[A-Z]{6}\\+LiberationSans"), fonts::toString);
                new PDFRenderer(document).renderImage(0); // renders without error
            }
        }

        @Test
        @DisplayName("a badge's QR code is version 3 (29 x 29 modules), 1.1 to 1.25 in wide on a label with its quiet zone")
        void qrSize() {
            var modules = BadgeQr.modules(cards(1, 4).get(0).payload());
            assertEquals(29, modules.getWidth());
            assertEquals(29, modules.getHeight());
            assertEquals(37, BadgeQr.SIZE_IN_MODULES);
            assertTrue(BadgeSheet.LABEL_QR >= 1.1f * 72 && BadgeSheet.LABEL_QR <= 1.25f * 72);
            assertTrue(BadgeSheet.CARD_QR < 2 * 72);
        }

        @Test
        @DisplayName("a payload too long for a version-3 QR code is refused, without echoing it")
        void oversizedPayload() {
            String payload = "K12B1." + "A".repeat(60);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BadgeSheet.render(
                    List.of(new BadgeCard(payload, "A", "B", "C", null, 1)).iterator(), SheetLayout.LABELS,
                    Paper.LETTER, new ByteArrayOutputStream()));
            assertFalse(e.getMessage().contains(payload));
        }

        @Test
        @DisplayName("writes a sample of each layout and paper to target/badge-samples/ to look at")
        void writesASampleOfEachLayoutAndPaper() throws IOException {
            Path folder = Path.of("target", "badge-samples");
            Files.createDirectories(folder);
            for (SheetLayout layout : SheetLayout.values()) {
                for (Paper paper : Paper.values()) {
                    Files.write(folder.resolve(layout.name().toLowerCase() + "-" + paper.name().toLowerCase() + ".pdf"),
                            render(cards(SheetGrid.of(layout, paper).perPage(), 1), layout, paper));
                }
            }
        }
    }

    @Nested
    @DisplayName("Options by name")
    class Options {

        @ParameterizedTest
        @CsvSource({"labels, LABELS", "cards, CARDS"})
        void layoutIsFoundByItsName(String text, SheetLayout layout) {
            assertEquals(Optional.of(layout), SheetLayout.parse(text));
        }

        @ParameterizedTest
        @CsvSource({"letter, LETTER", "a4, A4"})
        void paperIsFoundByItsName(String text, Paper paper) {
            assertEquals(Optional.of(paper), Paper.parse(text));
        }

        @Test
        void unknownOrInexactNamesFindNothing() {
            assertEquals(Optional.empty(), SheetLayout.parse(null));
            assertEquals(Optional.empty(), SheetLayout.parse("label"));
            assertEquals(Optional.empty(), Paper.parse("legal"));
            assertEquals(Optional.empty(), Paper.parse(""));
            assertEquals(Optional.empty(), Paper.parse("a4 "), "read exactly, as sent");
            assertEquals(Optional.empty(), Paper.parse("A4"));
            assertEquals(Optional.empty(), SheetLayout.parse(" cards"));
            assertEquals(Optional.empty(), SheetLayout.parse("CARDS"));
        }
    }
}
