package org.baeum.base.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The QR codes read back as their text with zxing's own reader, as PNG and as SVG; the SVG carries no text. */
class QrCodesTest {

    @Test
    void pngDecodesBackToTheText() throws Exception {
        byte[] png = QrCodes.png("K7QM-2HXD", 200);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isBetween(100, 200);
        assertThat(decode(image)).isEqualTo("K7QM-2HXD");
    }

    @Test
    void svgDecodesBackToTheTextAndHoldsOnlyModules() throws Exception {
        String text = "<script>alert(1)</script> 배움 https://baeum.example/c/AB12";
        String svg = QrCodes.svg(text, 240);
        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"240\" height=\"240\"")
                .doesNotContain("script").doesNotContain("배움");
        assertThat(decode(rasterize(svg))).isEqualTo(text);
        String uri = QrCodes.dataUri(text, 240);
        assertThat(uri).startsWith("data:image/svg+xml;base64,");
        assertThat(new String(Base64.getDecoder().decode(uri.substring(uri.indexOf(',') + 1)), StandardCharsets.UTF_8))
                .isEqualTo(svg);
    }

    @Test
    void refusesEmptyOrOversizedInput() {
        assertThatThrownBy(() -> QrCodes.svg(" ", 200)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QrCodes.svg(null, 200)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QrCodes.svg("x".repeat(QrCodes.MAX_TEXT + 1), 200))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QrCodes.png("AB", 5)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Draws the SVG's path (rows of "M x y h w v1 h-w z") at 4 pixels a module. */
    private static BufferedImage rasterize(String svg) {
        Matcher box = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"").matcher(svg);
        assertThat(box.find()).isTrue();
        int n = Integer.parseInt(box.group(1));
        int scale = 4;
        BufferedImage image = new BufferedImage(n * scale, n * scale, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < n * scale; y++) {
            for (int x = 0; x < n * scale; x++) {
                image.setRGB(x, y, 0xFFFFFF);
            }
        }
        Matcher run = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-(\\d+)z").matcher(svg);
        int runs = 0;
        while (run.find()) {
            runs++;
            int x0 = Integer.parseInt(run.group(1));
            int y0 = Integer.parseInt(run.group(2));
            int w = Integer.parseInt(run.group(3));
            assertThat(run.group(4)).isEqualTo(run.group(3));
            for (int y = y0 * scale; y < (y0 + 1) * scale; y++) {
                for (int x = x0 * scale; x < (x0 + w) * scale; x++) {
                    image.setRGB(x, y, 0x000000);
                }
            }
        }
        assertThat(runs).isGreaterThan(20);
        return image;
    }

    private static String decode(BufferedImage image) throws IOException {
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        try {
            return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, true)).getText();
        } catch (ReaderException e) {
            throw new AssertionError("No QR code found", e);
        }
    }
}
