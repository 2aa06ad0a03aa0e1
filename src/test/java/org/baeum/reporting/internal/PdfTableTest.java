package org.baeum.reporting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.baeum.reporting.ColumnKind;
import org.baeum.reporting.HeaderCell;
import org.baeum.reporting.ReportColumn;
import org.baeum.reporting.ReportTable;
import org.junit.jupiter.api.Test;

/** A long table breaks across pages with its headings drawn again on each; a wide one prints landscape. */
class PdfTableTest {

    @Test
    void rows_break_across_pages_with_the_headings_repeated_and_numbered_pages() throws Exception {
        List<ReportColumn> columns = new ArrayList<>(List.of(new ReportColumn("branch", "지점", ColumnKind.TEXT)));
        for (int i = 0; i < 8; i++) {
            columns.add(new ReportColumn("c" + i, i % 2 == 0 ? "실인원" : "연인원",
                    i % 2 == 0 ? ColumnKind.PEOPLE : ColumnKind.PERSON_SESSIONS));
        }
        List<HeaderCell> top = new ArrayList<>(List.of(new HeaderCell("구분", 1, 1)));
        for (int i = 0; i < 4; i++) {
            top.add(new HeaderCell("분기" + (i + 1), 2, 1));
        }
        List<List<Object>> rows = new ArrayList<>();
        for (int r = 0; r < 150; r++) {
            List<Object> row = new ArrayList<>(List.of("행 " + r));
            for (int i = 0; i < 8; i++) {
                row.add((long) r * i);
            }
            rows.add(row);
        }
        ReportTable table = new ReportTable("long", "긴 표", List.of(top), columns, rows, List.of("주석"),
                Instant.EPOCH, false);
        assertThat(PdfTable.wide(table)).isTrue();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PdfCanvas canvas = new PdfCanvas()) {
            canvas.newPage(PdfTable.wide(table));
            new PdfTable(canvas, table).draw("기준");
            canvas.save(out);
        }
        try (PDDocument doc = Loader.loadPDF(out.toByteArray())) {
            int pages = doc.getNumberOfPages();
            assertThat(pages).isGreaterThan(2);
            assertThat(doc.getPage(0).getMediaBox().getWidth()).isGreaterThan(doc.getPage(0).getMediaBox().getHeight());
            PDFTextStripper stripper = new PDFTextStripper();
            for (int p = 1; p <= pages; p++) {
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                String text = stripper.getText(doc);
                assertThat(text).as("page %d", p).contains("긴 표", "구분", "분기4", "지점", p + " / " + pages);
            }
            stripper.setStartPage(pages);
            assertThat(stripper.getText(doc)).contains("행 149", "주석");
        }
    }
}
