package org.baeum.attendance.transcript;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.baeum.account.ParticipantId;
import org.baeum.attendance.certificate.Certificates;
import org.baeum.attendance.certificate.Verification;
import org.baeum.attendance.degree.DegreeAward;
import org.baeum.attendance.degree.DegreeProgress;
import org.baeum.attendance.degree.Degrees;
import org.baeum.base.i18n.Formats;
import org.baeum.base.i18n.Messages;
import org.baeum.base.pdf.PdfText;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The learning history of the caller's household as one A4 PDF (학습 이력 / Learning history): per participant the
 * completed programs (program, term, hours, completion day, certificate number), the total hours and the honorary
 * degrees awarded; Korean labels with the English after them, the issue day in Asia/Seoul. The content is exactly
 * {@link Transcripts#mine()} (the same household check) and {@link Degrees#mine()}; the Pretendard font of the
 * certificates ({@code /fonts/Pretendard-Regular.ttf}) is embedded as a subset; a long history breaks onto more pages.
 */
@Service
public class TranscriptPdf {

    static final String FONT = "/fonts/Pretendard-Regular.ttf";
    private static final float MARGIN = 56;
    private static final float LINE = 15;

    private final Transcripts transcripts;
    private final Degrees degrees;
    private final Certificates certificates;
    private final Messages messages;
    private final Clock clock;
    private final byte[] font;

    TranscriptPdf(Transcripts transcripts, Degrees degrees, Certificates certificates, Messages messages, Clock clock) {
        this.transcripts = transcripts;
        this.degrees = degrees;
        this.certificates = certificates;
        this.messages = messages;
        this.clock = clock;
        try (InputStream in = TranscriptPdf.class.getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IllegalStateException("The transcript font " + FONT + " is not on the class path");
            }
            this.font = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The caller's household's learning history as PDF bytes (empty history: the title and a sentence). */
    @PreAuthorize("hasRole('CITIZEN')")
    public byte[] mine() {
        List<ParticipantTranscript> history = transcripts.mine();
        Map<ParticipantId, List<DegreeAward>> awards = degrees.mine().stream()
                .collect(Collectors.toMap(DegreeProgress::participant, DegreeProgress::awards, (a, b) -> a));
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDFont f = PDType0Font.load(doc, new ByteArrayInputStream(font), true);
            doc.getDocumentInformation().setTitle(both("transcript.pdf.title"));
            doc.getDocumentInformation().setCreator("Baeum");
            try (Writer w = new Writer(doc, f)) {
                w.line(both("transcript.pdf.title"), 20);
                w.line(both("transcript.pdf.issued", LocalDate.ofInstant(clock.instant(), Formats.SEOUL)), 10);
                w.gap(10);
                if (history.isEmpty()) {
                    w.line(both("transcript.pdf.empty"), 11);
                }
                for (ParticipantTranscript p : history) {
                    participant(w, p, awards.getOrDefault(p.participant(), List.of()));
                }
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not draw the learning history", e);
        }
    }

    private void participant(Writer w, ParticipantTranscript p, List<DegreeAward> awards) throws IOException {
        w.keep(4);
        w.line(p.name(), 15);
        for (TranscriptItem i : p.items()) {
            w.keep(2);
            String program = i.programEn() == null || i.programEn().isBlank() || i.programEn().equals(i.programKo())
                    ? i.programKo() : i.programKo() + " / " + i.programEn();
            w.line("· " + program + (i.termKo().isBlank() ? "" : " (" + i.termKo() + ")"), 11);
            String number = i.certificateCode() == null ? null
                    : certificates.verify(i.certificateCode()).map(Verification::number).orElse(null);
            w.line("   " + both("transcript.pdf.itemHours", hours(i.hours()), i.completedOn())
                    + (number == null ? "" : " · " + both("transcript.pdf.number", number)), 9);
        }
        w.line(both("transcript.pdf.total", hours(p.totalHours())), 11);
        for (DegreeAward a : awards) {
            w.line(both("transcript.pdf.degree", messages.get(a.level().messageKey(), Locale.KOREAN),
                    messages.get(a.level().messageKey(), Locale.ENGLISH), a.awardedOn()), 11);
        }
        w.gap(12);
    }

    /** The Korean text, then " / " and the English one. */
    private String both(String key, Object... params) {
        return messages.get(key, Locale.KOREAN, params) + " / " + messages.get(key, Locale.ENGLISH, params);
    }

    static String hours(double hours) {
        return BigDecimal.valueOf(hours).stripTrailingZeros().toPlainString();
    }

    /** Writes lines top to bottom, wrapping long ones and starting a new A4 page when the current one is full. */
    private static final class Writer implements AutoCloseable {
        private final PDDocument doc;
        private final PDFont font;
        private final float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
        private PDPageContentStream cs;
        private float y;

        Writer(PDDocument doc, PDFont font) throws IOException {
            this.doc = doc;
            this.font = font;
            newPage();
        }

        private void newPage() throws IOException {
            if (cs != null) {
                cs.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            cs = new PDPageContentStream(doc, page);
            y = page.getMediaBox().getHeight() - MARGIN;
        }

        /** Starts a new page unless {@code lines} more ordinary lines fit on this one. */
        void keep(int lines) throws IOException {
            if (y - lines * LINE < MARGIN) {
                newPage();
            }
        }

        void gap(float points) {
            y -= points;
        }

        void line(String text, float size) throws IOException {
            for (String part : wrap(printable(text), size)) {
                if (y - size * 1.4f < MARGIN) {
                    newPage();
                }
                y -= size * 1.4f;
                cs.beginText();
                cs.setFont(font, size);
                cs.newLineAtOffset(MARGIN, y);
                cs.showText(part);
                cs.endText();
            }
        }

        /** A character the font lacks prints as {@code ?} rather than failing the document. */
        private String printable(String s) {
            return PdfText.printable(font, s);
        }

        /** Breaks a line at spaces, or inside a word that would run past the right margin (Korean has few spaces). */
        private List<String> wrap(String s, float size) throws IOException {
            return PdfText.wrap(font, s, size, width);
        }

        @Override
        public void close() throws IOException {
            cs.close();
        }
    }
}
