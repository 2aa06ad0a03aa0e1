package org.baeum.reporting.internal;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.baeum.base.pdf.PdfText;

/**
 * The pages of a report PDF: A4 (portrait or landscape), the Pretendard font of the certificates embedded as a subset,
 * a cursor that moves down the page, one bookmark per section, and page numbers written when the document is saved.
 */
public final class PdfCanvas implements Closeable {

    public static final float MARGIN = 36;
    static final float FOOTER = 24;
    static final String FONT = "/fonts/Pretendard-Regular.ttf";
    private static final byte[] FONT_BYTES = loadFont();

    private final PDDocument doc = new PDDocument();
    private final PDFont font;
    private final PDDocumentOutline outline = new PDDocumentOutline();
    private PDPage page;
    private PDPageContentStream cs;
    private float y;
    private boolean landscape;

    public PdfCanvas() throws IOException {
        this.font = PDType0Font.load(doc, new ByteArrayInputStream(FONT_BYTES), true);
        doc.getDocumentCatalog().setDocumentOutline(outline);
    }

    /** Starts a page; the cursor goes to its top margin. */
    public void newPage(boolean landscape) throws IOException {
        closeStream();
        this.landscape = landscape;
        PDRectangle a4 = PDRectangle.A4;
        page = new PDPage(landscape ? new PDRectangle(a4.getHeight(), a4.getWidth()) : a4);
        doc.addPage(page);
        cs = new PDPageContentStream(doc, page);
        y = page.getMediaBox().getHeight() - MARGIN;
    }

    /** A page of the same orientation as the current one. */
    public void nextPage() throws IOException {
        newPage(landscape);
    }

    /** A bookmark to the current page, for a section that starts here. */
    public void bookmark(String title) {
        PDOutlineItem item = new PDOutlineItem();
        item.setTitle(title);
        item.setDestination(page);
        outline.addLast(item);
    }

    public float left() {
        return MARGIN;
    }

    public float width() {
        return page.getMediaBox().getWidth() - 2 * MARGIN;
    }

    public float pageHeight() {
        return page.getMediaBox().getHeight();
    }

    public float y() {
        return y;
    }

    public void down(float height) {
        y -= height;
    }

    /** Whether {@code height} more points fit above the footer. */
    public boolean fits(float height) {
        return y - height >= MARGIN + FOOTER;
    }

    public PDPageContentStream stream() {
        return cs;
    }

    public void text(float x, float baseline, float size, String s) throws IOException {
        cs.beginText();
        cs.setFont(font, size);
        cs.newLineAtOffset(x, baseline);
        cs.showText(PdfText.printable(font, s));
        cs.endText();
    }

    public void textRight(float right, float baseline, float size, String s) throws IOException {
        text(right - widthOf(s, size), baseline, size, s);
    }

    public void textCentered(float x, float w, float baseline, float size, String s) throws IOException {
        text(x + Math.max(0, (w - widthOf(s, size)) / 2), baseline, size, s);
    }

    public float widthOf(String s, float size) throws IOException {
        return PdfText.width(font, PdfText.printable(font, s), size);
    }

    /** The text cut with "…" to fit the width. */
    public String fit(String s, float size, float w) throws IOException {
        String p = PdfText.printable(font, s);
        if (PdfText.width(font, p, size) <= w) {
            return p;
        }
        int end = p.length();
        while (end > 0 && PdfText.width(font, p.substring(0, end) + "…", size) > w) {
            end--;
        }
        return p.substring(0, end) + "…";
    }

    public List<String> wrap(String s, float size, float w) throws IOException {
        return PdfText.wrap(font, PdfText.printable(font, s), size, w);
    }

    /** Writes "n / N" at the foot of every page and saves the document to {@code out} (not closed). */
    public void save(OutputStream out) throws IOException {
        closeStream();
        int total = doc.getNumberOfPages();
        for (int i = 0; i < total; i++) {
            PDPage p = doc.getPage(i);
            try (PDPageContentStream foot = new PDPageContentStream(doc, p, PDPageContentStream.AppendMode.APPEND,
                    true, true)) {
                String label = (i + 1) + " / " + total;
                float w = PdfText.width(font, label, 8);
                foot.beginText();
                foot.setFont(font, 8);
                foot.newLineAtOffset((p.getMediaBox().getWidth() - w) / 2, MARGIN / 2);
                foot.showText(label);
                foot.endText();
            }
        }
        doc.save(out);
    }

    @Override
    public void close() throws IOException {
        closeStream();
        doc.close();
    }

    private void closeStream() throws IOException {
        if (cs != null) {
            cs.close();
            cs = null;
        }
    }

    private static byte[] loadFont() {
        try (InputStream in = PdfCanvas.class.getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IllegalStateException("The font " + FONT + " is not on the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
