package org.baeum.base.desk;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * QR codes for codes people show at the desk (membership cards, booking codes), drawn by zxing (decision 0044).
 * <p>
 * In a Vaadin view use an image from {@link #dataUri} and give it an alt text that says what the code is and repeats the
 * code in letters, so a screen reader user (and STAFF typing it) has the same thing the scanner reads:
 * <pre>{@code
 * Image qr = new Image(QrCodes.dataUri(code, 200), getTranslation("visits.card.qrAlt", code));
 * }</pre>
 * The portal's Content-Security-Policy allows {@code data:} images ({@code img-src 'self' data:}) and nothing else new:
 * an SVG shown as an {@code <img>} runs no scripts, and the SVG here is built from the code's modules only, never from
 * the text itself.
 */
public final class QrCodes {

    /** The longest text encoded; codes and short URLs are far shorter. */
    public static final int MAX_TEXT = 512;

    private static final int QUIET_ZONE = 4;

    private QrCodes() {
    }

    /** The QR code of {@code text} as an SVG document {@code sizePx} square, black modules on white, with its quiet zone. */
    public static String svg(String text, int sizePx) {
        BitMatrix m = matrix(text);
        int n = m.getWidth();
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < n; y++) {
            int x = 0;
            while (x < n) {
                if (!m.get(x, y)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < n && m.get(x, y)) {
                    x++;
                }
                int w = x - start;
                path.append('M').append(start).append(' ').append(y)
                        .append('h').append(w).append("v1h-").append(w).append('z');
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + size(sizePx) + "\" height=\"" + size(sizePx)
                + "\" viewBox=\"0 0 " + n + " " + n + "\" shape-rendering=\"crispEdges\">"
                + "<rect width=\"" + n + "\" height=\"" + n + "\" fill=\"#fff\"/>"
                + "<path fill=\"#000\" d=\"" + path + "\"/></svg>";
    }

    /** {@link #svg} as a {@code data:image/svg+xml;base64,} URI, for an {@code <img src>}. */
    public static String dataUri(String text, int sizePx) {
        return "data:image/svg+xml;base64,"
                + Base64.getEncoder().encodeToString(svg(text, sizePx).getBytes(StandardCharsets.UTF_8));
    }

    /** The QR code of {@code text} as a PNG about {@code sizePx} square (a whole number of pixels per module). */
    public static byte[] png(String text, int sizePx) {
        BitMatrix m = matrix(text);
        int n = m.getWidth();
        int scale = Math.max(1, size(sizePx) / n);
        BufferedImage image = new BufferedImage(n * scale, n * scale, BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < n * scale; y++) {
            for (int x = 0; x < n * scale; x++) {
                image.setRGB(x, y, m.get(x / scale, y / scale) ? 0x000000 : 0xFFFFFF);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static BitMatrix matrix(String text) {
        if (text == null || text.isBlank() || text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("A QR code needs 1 to " + MAX_TEXT + " characters");
        }
        try {
            BitMatrix m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                    EncodeHintType.CHARACTER_SET, "UTF-8",
                    EncodeHintType.MARGIN, QUIET_ZONE));
            return m;
        } catch (WriterException e) {
            throw new IllegalArgumentException("The text does not fit in a QR code", e);
        }
    }

    private static int size(int sizePx) {
        if (sizePx < 32 || sizePx > 2048) {
            throw new IllegalArgumentException("A QR code is 32 to 2048 pixels wide");
        }
        return sizePx;
    }
}
