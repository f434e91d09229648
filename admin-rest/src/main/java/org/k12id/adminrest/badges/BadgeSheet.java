package org.k12id.adminrest.badges;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import com.google.zxing.qrcode.encoder.ByteMatrix;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * Prints badges: a PDF of sheets of labels or cards, each with the badge's QR code, the student's name, the school,
 * the class line and {@code <issued ISO date> · v<version>}. No word of any language is printed, only what the cards
 * hold, so the sheet needs no translation.
 * <p>
 * Memory stays flat whatever the number of badges: cards are taken from the iterator one page at a time, and page
 * contents go to a temporary file (PDFBox's temp-file stream cache), not to the heap, until the PDF is written.
 * Everything is vector: one embedded font subset, and QR codes as filled rectangles.
 */
public final class BadgeSheet {

    /** The PDF's title, its only descriptive metadata: nothing about the students. */
    static final String TITLE = "K12 student badges";
    static final String CREATOR = "K12 identity pack";
    static final String SEPARATOR = " \u00b7 ";

    /** Where a badge's parts sit in its cell, in points from the cell's top-left corner (y downwards). */
    private record Face(float qrLeft, float qrTop, float qrSize, float textLeft, float textWidth, boolean centred,
                        float[] sizes, float[] baselines) {
    }

    /** A 2-inch label: QR code (1.2 in with its quiet zone) on top, centred lines below, the name largest. */
    static final float LABEL_QR = 1.2f * SheetGrid.INCH;
    private static final Face LABEL = new Face((2 * SheetGrid.INCH - LABEL_QR) / 2, 6, LABEL_QR, 6,
            2 * SheetGrid.INCH - 12, true, new float[] {11, 8, 8, 7}, new float[] {105.5f, 116.5f, 126.5f, 136.5f});

    /** A 3.5 x 2 inch card: QR code (1.5 in with its quiet zone) on the left, lines on the right. */
    static final float CARD_QR = 1.5f * SheetGrid.INCH;
    private static final Face CARD = new Face(8, (2 * SheetGrid.INCH - CARD_QR) / 2, CARD_QR, 8 + CARD_QR + 6,
            3.5f * SheetGrid.INCH - (8 + CARD_QR + 6) - 8, false, new float[] {14, 9, 9, 8},
            new float[] {55, 75, 89, 105});

    private BadgeSheet() {
    }

    /**
     * Renders the cards, in order, into a PDF written to {@code out} (which stays open); returns how many badges it
     * drew. No cards give one blank page. Text fields may be null or hold anything: what the font cannot print
     * becomes '?', what is too wide shrinks a little and is then cut with an ellipsis.
     *
     * @throws IllegalArgumentException for a null card or a payload that does not fit a version-3 QR code at level M
     *                                  (nothing is written then)
     */
    public static int render(Iterator<BadgeCard> cards, SheetLayout layout, Paper paper, OutputStream out)
            throws IOException {
        Objects.requireNonNull(cards, "cards");
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(paper, "paper");
        Objects.requireNonNull(out, "out");
        SheetGrid grid = SheetGrid.of(layout, paper);
        Face face = layout == SheetLayout.LABELS ? LABEL : CARD;
        try (PDDocument document = new PDDocument(IOUtils.createTempFileOnlyStreamCache());
             BadgeText text = BadgeText.load(document)) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(TITLE);
            info.setCreator(CREATOR);
            int drawn = 0;
            do {
                PDPage page = new PDPage(new PDRectangle(paper.width, paper.height));
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    int cell = 0;
                    for (; cell < grid.perPage() && cards.hasNext(); cell++) {
                        BadgeCard card = cards.next();
                        if (card == null) {
                            throw new IllegalArgumentException("card " + (drawn + cell) + " is null");
                        }
                        drawBadge(content, text, face, grid.cellX(cell), grid.cellTop(cell), card);
                    }
                    drawn += cell;
                    if (layout == SheetLayout.CARDS) {
                        drawCutLines(content, grid, cell);
                    }
                }
            } while (cards.hasNext());
            OutputStream buffered = new BufferedOutputStream(out, 64 * 1024);
            document.save(buffered);
            buffered.flush();
            return drawn;
        }
    }

    private static void drawBadge(PDPageContentStream content, BadgeText text, Face face, float x, float top,
                                  BadgeCard card) throws IOException {
        ByteMatrix modules = BadgeQr.modules(card.payload());
        BadgeQr.draw(content, modules, x + face.qrLeft(), top - face.qrTop(), face.qrSize());
        String[] lines = {card.studentName(), card.school(), card.classLine(), lastLine(card)};
        for (int i = 0; i < lines.length; i++) {
            String line = text.printable(lines[i]);
            if (line.isEmpty()) {
                continue;
            }
            BadgeText.Fitted fitted = text.fit(line, face.sizes()[i], face.textWidth());
            float left = x + face.textLeft();
            if (face.centred()) {
                left += (face.textWidth() - text.width(fitted.text(), fitted.size())) / 2;
            }
            content.beginText();
            content.setFont(text.font(), fitted.size());
            content.newLineAtOffset(left, top - face.baselines()[i]);
            content.showText(fitted.text());
            content.endText();
        }
    }

    /** {@code 2026-11-22 · v2}; either part is left out when the card has none. */
    static String lastLine(BadgeCard card) {
        String date = card.issued() == null ? "" : card.issued().toString();
        String version = card.version() > 0 ? "v" + card.version() : "";
        return date.isEmpty() || version.isEmpty() ? date + version : date + SEPARATOR + version;
    }

    /** Thin grey lines around the cards drawn on a page, to cut along. */
    private static void drawCutLines(PDPageContentStream content, SheetGrid grid, int cells) throws IOException {
        if (cells == 0) {
            return;
        }
        for (int cell = 0; cell < cells; cell++) {
            content.addRect(grid.cellX(cell), grid.cellTop(cell) - grid.cellHeight(), grid.cellWidth(),
                    grid.cellHeight());
        }
        content.setStrokingColor(0.6f);
        content.setLineWidth(0.3f);
        content.stroke();
    }

    /** The constant named exactly by {@code text}: its name in lower case ({@code "a4"}, {@code "labels"}), nothing else. */
    static <E extends Enum<E>> Optional<E> option(Class<E> type, String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().toLowerCase(Locale.ROOT).equals(text)) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }
}
