package org.k12id.adminrest.badges;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.ResultPoint;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Reads printed badges back: rasterizes every page of a PDF with PDFBox's renderer, as a printer would, and decodes
 * every QR code on it with ZXing core. Knows nothing of the sheet's layout, so it reads any badge PDF (the API's
 * answers too: it-tests use it through this module's test-jar).
 */
public final class BadgePdfDecoder {

    /** Rasterizing resolution: well above what a badge's modules need, like an ordinary printer. */
    public static final int DPI = 150;

    private BadgePdfDecoder() {
    }

    /** Every QR code's text, page after page, each page in reading order (rows top to bottom, each left to right). */
    public static List<String> payloads(byte[] pdf) throws IOException {
        List<String> payloads = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFRenderer renderer = new PDFRenderer(document);
            for (int page = 0; page < document.getNumberOfPages(); page++) {
                payloads.addAll(decode(renderer.renderImageWithDPI(page, DPI, ImageType.GRAY)));
            }
        }
        return payloads;
    }

    /** Every QR code's text on one image, in reading order. */
    public static List<String> decode(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] pixels = image.getRGB(0, 0, width, height, null, 0, width);
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(width, height, pixels)));
        Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
        hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        Result[] results;
        try {
            results = new QRCodeMultiReader().decodeMultiple(bitmap, hints);
        } catch (NotFoundException e) {
            return List.of();
        }
        List<Found> found = new ArrayList<>();
        for (Result result : results) {
            float x = 0;
            float y = 0;
            ResultPoint[] points = result.getResultPoints();
            for (ResultPoint point : points) {
                x += point.getX() / points.length;
                y += point.getY() / points.length;
            }
            found.add(new Found(result.getText(), x, y));
        }
        return readingOrder(found, DPI / 2f);
    }

    private record Found(String text, float x, float y) {
    }

    /** Codes whose centres are less than {@code rowTolerance} pixels apart vertically stand in one row. */
    private static List<String> readingOrder(List<Found> found, float rowTolerance) {
        List<Found> byY = new ArrayList<>(found);
        byY.sort(Comparator.comparingDouble(Found::y));
        List<String> ordered = new ArrayList<>();
        int rowStart = 0;
        for (int i = 1; i <= byY.size(); i++) {
            if (i == byY.size() || byY.get(i).y() - byY.get(rowStart).y() > rowTolerance) {
                byY.subList(rowStart, i).stream().sorted(Comparator.comparingDouble(Found::x))
                        .map(Found::text).forEach(ordered::add);
                rowStart = i;
            }
        }
        return ordered;
    }
}
