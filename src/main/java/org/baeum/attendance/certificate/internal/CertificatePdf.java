package org.baeum.attendance.certificate.internal;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.baeum.attendance.certificate.Certificate;
import org.baeum.attendance.certificate.CertificateDraft;
import org.baeum.base.i18n.Messages;
import org.baeum.base.pdf.PdfText;
import org.springframework.stereotype.Component;

/**
 * Draws a certificate as a one-page A4 PDF (decision 0032): Korean text with the English below, the Pretendard font
 * (SIL OFL 1.1, {@code /fonts/Pretendard-Regular.ttf}) embedded as a subset, and the verification URL as text and as a
 * QR code drawn from filled squares. A character the font lacks prints as {@code ?} rather than failing the document.
 */
@Component
public class CertificatePdf {

    static final String FONT = "/fonts/Pretendard-Regular.ttf";
    private static final DateTimeFormatter KO_DATE = DateTimeFormatter.ofPattern("yyyy년 M월 d일", Locale.KOREAN);
    private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final float MARGIN = 64;
    /** The smaller sizes a long row value is tried at, in order. */
    private static final float[] ROW_SIZES = {11, 9.5f, 8, 7};

    private final Messages messages;
    private final byte[] font;

    CertificatePdf(Messages messages) {
        this.messages = messages;
        try (InputStream in = CertificatePdf.class.getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IllegalStateException("The certificate font " + FONT + " is not on the class path");
            }
            this.font = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The certificate as PDF bytes; {@code url} is its public verification address. */
    public byte[] render(Certificate certificate, String url) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDFont f = PDType0Font.load(doc, new ByteArrayInputStream(font), true);
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(ko("certificate.pdf.title") + " " + certificate.number());
            info.setCreator("Baeum");
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                new Writer(cs, f, page.getMediaBox()).draw(certificate, url);
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not draw certificate " + certificate.number(), e);
        }
    }

    private String ko(String key, Object... params) {
        return messages.get(key, Locale.KOREAN, params);
    }

    private String en(String key, Object... params) {
        return messages.get(key, Locale.ENGLISH, params);
    }

    static String hours(double hours) {
        return BigDecimal.valueOf(hours).stripTrailingZeros().toPlainString();
    }

    /** One page being drawn, top to bottom. */
    private final class Writer {
        private final PDPageContentStream cs;
        private final PDFont font;
        private final float width;
        private final float height;
        private float y;

        Writer(PDPageContentStream cs, PDFont font, PDRectangle box) {
            this.cs = cs;
            this.font = font;
            this.width = box.getWidth();
            this.height = box.getHeight();
            this.y = box.getHeight() - MARGIN - 30;
        }

        void draw(Certificate c, String url) throws IOException {
            CertificateDraft d = c.content();
            border();
            centred(ko("certificate.pdf.title"), 34);
            y -= 8;
            centred(en("certificate.pdf.title"), 14);
            y -= 18;
            centred(ko("certificate.pdf.number", c.number()) + "  /  " + en("certificate.pdf.number", c.number()), 11);
            y -= 26;
            for (Map.Entry<String, String> row : List.of(
                    Map.entry("certificate.pdf.name", d.holderName()),
                    Map.entry("certificate.pdf.birthDate", d.birthDate().format(KO_DATE)),
                    Map.entry("certificate.pdf.program", d.programKo()),
                    Map.entry("certificate.pdf.programEn", d.programEn()),
                    Map.entry("certificate.pdf.term", d.term()),
                    Map.entry("certificate.pdf.period", d.from().format(KO_DATE) + " ~ " + d.to().format(KO_DATE)),
                    Map.entry("certificate.pdf.hours", ko("certificate.pdf.hoursValue", hours(d.hours()))
                            + " (" + en("certificate.pdf.hoursValue", hours(d.hours())) + ")"),
                    Map.entry("certificate.pdf.sessions", ko("certificate.pdf.sessionsValue", d.sessions())
                            + " (" + en("certificate.pdf.sessionsValue", d.sessions()) + ")"))) {
                row(ko(row.getKey()) + " / " + en(row.getKey()), row.getValue());
            }
            y -= 30;
            paragraph(ko("certificate.pdf.sentence"), 14, MARGIN + 10);
            y -= 6;
            paragraph(en("certificate.pdf.sentence"), 10.5f, MARGIN + 10);
            y -= 30;
            LocalDate issued = c.issuedOn();
            centred(issued.format(KO_DATE) + "  /  " + issued.format(EN_DATE), 12);
            y -= 26;
            centred(d.centre(), 18);
            verification(c.code(), url);
        }

        private void border() throws IOException {
            cs.setLineWidth(2.5f);
            cs.addRect(MARGIN / 2, MARGIN / 2, width - MARGIN, height - MARGIN);
            cs.stroke();
            cs.setLineWidth(0.7f);
            cs.addRect(MARGIN / 2 + 6, MARGIN / 2 + 6, width - MARGIN - 12, height - MARGIN - 12);
            cs.stroke();
        }

        /**
         * A label and its value; a long value (a program title may have 200 characters) is set smaller, down to
         * 7 points, until it takes at most three lines, so that the page still holds everything.
         */
        private void row(String label, String value) throws IOException {
            text(label, 10, MARGIN + 10, y);
            float max = width - 2 * MARGIN - 190;
            float size = 13;
            List<String> lines = wrap(printable(value), size, max);
            for (float smaller : ROW_SIZES) {
                if (lines.size() <= 3) {
                    break;
                }
                size = smaller;
                lines = wrap(printable(value), size, max);
            }
            float leading = size == 13 ? 21 : size * 1.45f;
            for (String line : lines) {
                text(line, size, MARGIN + 190, y);
                y -= leading;
            }
            y -= 3;
        }

        private void paragraph(String text, float size, float x) throws IOException {
            for (String line : wrap(printable(text), size, width - 2 * x)) {
                text(line, size, x, y);
                y -= size * 1.6f;
            }
        }

        private void centred(String text, float size) throws IOException {
            for (String line : wrap(printable(text), size, width - 2 * MARGIN)) {
                float w = font.getStringWidth(line) / 1000 * size;
                text(line, size, (width - w) / 2, y);
                y -= size * 1.4f;
            }
        }

        private void verification(String code, String url) throws IOException {
            float qrSize = 92;
            float x = width - MARGIN - qrSize;
            float bottom = MARGIN + 4;
            qr(url, x, bottom, qrSize);
            float tx = MARGIN + 10;
            text(ko("certificate.pdf.verify") + " / " + en("certificate.pdf.verify"), 10, tx, bottom + 62);
            text(ko("certificate.pdf.code", code), 12, tx, bottom + 42);
            float urlSize = 9;
            for (String line : wrap(printable(url), urlSize, x - tx - 12)) {
                text(line, urlSize, tx, bottom + 24);
                bottom -= 12;
            }
        }

        private void qr(String content, float x, float y0, float size) throws IOException {
            BitMatrix m;
            try {
                m = new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 0, 0,
                        Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 0));
            } catch (WriterException e) {
                throw new IOException("Could not encode the verification URL as a QR code", e);
            }
            float cell = size / m.getWidth();
            for (int row = 0; row < m.getHeight(); row++) {
                for (int col = 0; col < m.getWidth(); col++) {
                    if (m.get(col, row)) {
                        cs.addRect(x + col * cell, y0 + size - (row + 1) * cell, cell, cell);
                    }
                }
            }
            cs.fill();
        }

        private void text(String s, float size, float x, float at) throws IOException {
            cs.beginText();
            cs.setFont(font, size);
            cs.newLineAtOffset(x, at);
            cs.showText(s);
            cs.endText();
        }

        private float width(String s, float size) throws IOException {
            return PdfText.width(font, s, size);
        }

        private String printable(String s) {
            return PdfText.printable(font, s);
        }

        private List<String> wrap(String s, float size, float maxWidth) throws IOException {
            return PdfText.wrap(font, s, size, maxWidth);
        }
    }
}
