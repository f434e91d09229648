package org.k12id.adminrest.badges;

import java.io.IOException;
import java.util.Map;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

/**
 * A badge's QR code as vector rectangles: ZXing's module matrix at error correction level M, always version 3
 * (29 x 29 modules, up to 61 characters of the QR alphanumeric set), so every badge prints at the same size. Each
 * horizontal run of dark modules is one rectangle; all of them are filled as one path, black on the white page,
 * inside a quiet zone of {@link #QUIET_ZONE} light modules.
 */
final class BadgeQr {

    static final int VERSION = 3;
    static final int QUIET_ZONE = 4;
    /** Modules across, quiet zone included. */
    static final int SIZE_IN_MODULES = 17 + 4 * VERSION + 2 * QUIET_ZONE;

    private static final Map<EncodeHintType, Object> HINTS = Map.of(EncodeHintType.QR_VERSION, VERSION);

    private BadgeQr() {
    }

    /** The modules of a payload's code. */
    static ByteMatrix modules(String payload) {
        if (payload == null || payload.isEmpty()) {
            throw new IllegalArgumentException("a badge needs a payload");
        }
        try {
            return Encoder.encode(payload, ErrorCorrectionLevel.M, HINTS).getMatrix();
        } catch (WriterException e) {
            // never echo the payload: it is the badge's secret
            throw new IllegalArgumentException("a badge payload must fit a version-" + VERSION
                    + " QR code at level M (" + payload.length() + " characters given)", e);
        }
    }

    /**
     * Draws the code with its quiet zone in a square {@code size} points wide whose top-left corner is at
     * ({@code left}, {@code top}) in PDF coordinates.
     */
    static void draw(PDPageContentStream content, ByteMatrix modules, float left, float top, float size)
            throws IOException {
        float module = size / (modules.getWidth() + 2 * QUIET_ZONE);
        for (int y = 0; y < modules.getHeight(); y++) {
            float bottom = top - (QUIET_ZONE + y + 1) * module;
            int x = 0;
            while (x < modules.getWidth()) {
                if (modules.get(x, y) != 1) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < modules.getWidth() && modules.get(x, y) == 1) {
                    x++;
                }
                content.addRect(left + (QUIET_ZONE + start) * module, bottom, (x - start) * module, module);
            }
        }
        content.setNonStrokingColor(0f);
        content.fill();
    }
}
