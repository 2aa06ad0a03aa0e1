package org.baeum.attendance.export;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.stereotype.Component;

/**
 * A printable sign-in sheet (출석부): A4 landscape, the title on top, one row per enrolled participant and one empty
 * box per session to sign in (dates as MM/dd); more sessions or participants than fit go on further pages. The
 * Pretendard font of the certificates ({@code /fonts/Pretendard-Regular.ttf}) is embedded as a subset.
 */
@Component
class SignInSheetPdf {

    static final String FONT = "/fonts/Pretendard-Regular.ttf";
    static final int SESSIONS_PER_PAGE = 20;
    static final int ROWS_PER_PAGE = 22;
    private static final float MARGIN = 36;
    private static final float NAME_WIDTH = 110;
    private static final float ROW = 21;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM/dd");

    private final byte[] font;

    SignInSheetPdf() {
        try (InputStream in = SignInSheetPdf.class.getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IllegalStateException("The font " + FONT + " is not on the class path");
            }
            this.font = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void render(String title, String nameHeader, List<String> names, List<LocalDate> sessions, OutputStream out)
            throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDFont f = PDType0Font.load(doc, new ByteArrayInputStream(font), true);
            int columnPages = Math.max(1, (sessions.size() + SESSIONS_PER_PAGE - 1) / SESSIONS_PER_PAGE);
            int rowPages = Math.max(1, (names.size() + ROWS_PER_PAGE - 1) / ROWS_PER_PAGE);
            for (int cp = 0; cp < columnPages; cp++) {
                List<LocalDate> days = sessions.subList(Math.min(sessions.size(), cp * SESSIONS_PER_PAGE),
                        Math.min(sessions.size(), (cp + 1) * SESSIONS_PER_PAGE));
                for (int rp = 0; rp < rowPages; rp++) {
                    List<String> rows = names.subList(Math.min(names.size(), rp * ROWS_PER_PAGE),
                            Math.min(names.size(), (rp + 1) * ROWS_PER_PAGE));
                    PDPage page = new PDPage(new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth()));
                    doc.addPage(page);
                    try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                        page(cs, f, page.getMediaBox(), title, nameHeader, rows, days);
                    }
                }
            }
            doc.save(out);
        }
    }

    private static void page(PDPageContentStream cs, PDFont f, PDRectangle box, String title, String nameHeader,
                             List<String> rows, List<LocalDate> days) throws IOException {
        float top = box.getHeight() - MARGIN;
        text(cs, f, 14, MARGIN, top - 14, title);
        float cell = days.isEmpty() ? 0 : (box.getWidth() - 2 * MARGIN - NAME_WIDTH) / SESSIONS_PER_PAGE;
        float y = top - 30;
        float width = NAME_WIDTH + cell * days.size();
        text(cs, f, 9, MARGIN + 4, y - ROW + 7, nameHeader);
        for (int c = 0; c < days.size(); c++) {
            text(cs, f, 8, MARGIN + NAME_WIDTH + c * cell + 3, y - ROW + 7, DAY.format(days.get(c)));
        }
        for (int r = 0; r < rows.size(); r++) {
            text(cs, f, 9, MARGIN + 4, y - (r + 2) * ROW + 7, rows.get(r));
        }
        cs.setLineWidth(0.5f);
        for (int r = 0; r <= rows.size() + 1; r++) {
            cs.moveTo(MARGIN, y - r * ROW);
            cs.lineTo(MARGIN + width, y - r * ROW);
        }
        float bottom = y - (rows.size() + 1) * ROW;
        cs.moveTo(MARGIN, y);
        cs.lineTo(MARGIN, bottom);
        for (int c = 0; c <= days.size(); c++) {
            cs.moveTo(MARGIN + NAME_WIDTH + c * cell, y);
            cs.lineTo(MARGIN + NAME_WIDTH + c * cell, bottom);
        }
        cs.stroke();
    }

    private static void text(PDPageContentStream cs, PDFont f, float size, float x, float y, String s)
            throws IOException {
        cs.beginText();
        cs.setFont(f, size);
        cs.newLineAtOffset(x, y);
        cs.showText(s);
        cs.endText();
    }
}
