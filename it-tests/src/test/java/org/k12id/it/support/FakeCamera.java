package org.k12id.it.support;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * A badge shown to Chromium's fake camera: the payload rendered as a QR code (ZXing) on white paper, written as a
 * short Y4M video (4:2:0, full-range luma), for {@code --use-file-for-fake-video-capture}.
 */
public final class FakeCamera {

    static final int WIDTH = 640;
    static final int HEIGHT = 480;

    private FakeCamera() {
    }

    public static Path badgeVideo(String payload) throws IOException {
        BitMatrix qr;
        try {
            qr = new QRCodeWriter().encode(payload, BarcodeFormat.QR_CODE, 360, 360,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
        } catch (WriterException e) {
            throw new IOException(e);
        }
        byte[] luma = new byte[WIDTH * HEIGHT];
        Arrays.fill(luma, (byte) 255);
        int left = (WIDTH - qr.getWidth()) / 2;
        int top = (HEIGHT - qr.getHeight()) / 2;
        for (int y = 0; y < qr.getHeight(); y++) {
            for (int x = 0; x < qr.getWidth(); x++) {
                if (qr.get(x, y)) {
                    luma[(top + y) * WIDTH + left + x] = 0;
                }
            }
        }
        byte[] chroma = new byte[(WIDTH / 2) * (HEIGHT / 2)];
        Arrays.fill(chroma, (byte) 128);
        Path video = Files.createTempFile("k12-badge", ".y4m");
        try (OutputStream out = Files.newOutputStream(video)) {
            out.write(("YUV4MPEG2 W" + WIDTH + " H" + HEIGHT + " F10:1 Ip A1:1 C420jpeg\n").getBytes(StandardCharsets.US_ASCII));
            for (int frame = 0; frame < 10; frame++) {
                out.write("FRAME\n".getBytes(StandardCharsets.US_ASCII));
                out.write(luma);
                out.write(chroma);
                out.write(chroma);
            }
        }
        return video;
    }
}
