package org.k12id.adminrest.badges;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.text.BreakIterator;
import java.text.Normalizer;
import java.util.Locale;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The badges' text in one embedded Unicode font, Liberation Sans from PDFBox's own JAR (subset: only the glyphs
 * used are embedded). Text is made printable first (never an exception, whatever a name holds), then fitted to a
 * width: it shrinks a little, and what still does not fit is cut with an ellipsis.
 * <p>
 * The font's OpenType substitutions (GSUB) are off: PDFBox 3.0.5 applies the Latin ones ({@code ccmp}, {@code liga},
 * {@code clig}) to every word it shows by compiling regular expressions for it, more than half of a sheet's
 * rendering time. Badge text needs none of them: it is composed (NFC) before it is drawn, a name reads the same
 * without ligatures, and text is then drawn exactly as wide as it was measured.
 */
final class BadgeText implements Closeable {

    /** PDFBox ships Liberation Sans (SIL Open Font License) for its own use; the pack reuses it. */
    static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    /** Text is never shrunk below this share of its size before it is cut. */
    static final float MIN_SCALE = 0.8f;
    /** No badge line shows more; longer input is cut before any work is done on it. */
    static final int MAX_CHARS = 200;
    static final char MISSING = '?';

    /** One line as drawn: its text and font size. */
    record Fitted(String text, float size) {
    }

    private final TrueTypeFont file;
    private final PDType0Font font;
    private final CmapLookup glyphs;
    private final String ellipsis;

    private BadgeText(TrueTypeFont file, PDType0Font font) {
        this.file = file;
        this.font = font;
        this.glyphs = font.getCmapLookup();
        this.ellipsis = glyphs.getGlyphId('\u2026') != 0 ? "\u2026" : "...";
    }

    /** Loads the font into a document, once per document; close it after the document is saved. */
    static BadgeText load(PDDocument document) throws IOException {
        try (InputStream in = BadgeText.class.getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IOException("font missing from the class path: " + FONT);
            }
            TrueTypeFont file = new TTFParser().parse(new RandomAccessReadBuffer(in));
            try {
                file.setEnableGsub(false);
                return new BadgeText(file, PDType0Font.load(document, file, true));
            } catch (IOException | RuntimeException e) {
                file.close();
                throw e;
            }
        }
    }

    /** Releases the font file (subsetting reads it while the document is saved). */
    @Override
    public void close() throws IOException {
        file.close();
    }

    PDType0Font font() {
        return font;
    }

    /**
     * The text as it can be printed: null gives "", Unicode is composed (NFC), line breaks, tabs and other control
     * characters become spaces, runs of spaces one, ends are trimmed, invisible format characters are dropped, and every
     * character the font has no glyph for becomes {@value #MISSING}.
     */
    String printable(String raw) {
        if (raw == null) {
            return "";
        }
        String text = Normalizer.normalize(raw.length() > MAX_CHARS ? raw.substring(0, MAX_CHARS) : raw,
                Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(text.length());
        boolean space = true; // drops leading spaces
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)) {
                if (!space) {
                    out.append(' ');
                    space = true;
                }
                continue;
            }
            if (Character.getType(c) == Character.FORMAT) {
                continue; // invisible: zero-width joiners, soft hyphens, direction overrides
            }
            space = false;
            if (glyphs.getGlyphId(c) == 0) {
                out.append(MISSING);
            } else {
                out.appendCodePoint(c);
            }
        }
        int end = out.length();
        return space && end > 0 ? out.substring(0, end - 1) : out.toString();
    }

    /** Width of printable text at a size, in points. */
    float width(String text, float size) throws IOException {
        return font.getStringWidth(text) / 1000f * size;
    }

    /**
     * Fits printable text to a width: as it is when it fits; else shrunk, down to {@link #MIN_SCALE} of the size;
     * else, at that smallest size, the longest start that fits followed by an ellipsis (cut between whole
     * characters as a reader sees them, never inside one).
     */
    Fitted fit(String text, float size, float maxWidth) throws IOException {
        float width = width(text, size);
        if (width <= maxWidth) {
            return new Fitted(text, size);
        }
        float smallest = size * MIN_SCALE;
        if (width * MIN_SCALE <= maxWidth) {
            return new Fitted(text, Math.max(smallest, size * maxWidth / width));
        }
        float room = maxWidth - width(ellipsis, smallest);
        BreakIterator characters = BreakIterator.getCharacterInstance(Locale.ROOT);
        characters.setText(text);
        int cut = 0;
        float used = 0;
        for (int end = characters.next(); end != BreakIterator.DONE; end = characters.next()) {
            used += width(text.substring(cut, end), smallest);
            if (used > room) {
                break;
            }
            cut = end;
        }
        return new Fitted(text.substring(0, cut).stripTrailing() + ellipsis, smallest);
    }
}
