package org.baeum.reporting;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

/** Reading exports back in tests: XLSX cells and merged regions, CSV records (RFC 4180), PDF text. */
public final class ExportFiles {

    private ExportFiles() {
    }

    /** Sheet {@code index}'s cells: 0-based row → 0-based column → the cell (numbers as numbers). */
    public static Map<Integer, Map<Integer, Cell>> cells(byte[] xlsx, int index) throws IOException {
        Map<Integer, Map<Integer, Cell>> rows = new TreeMap<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx), new org.dhatim.fastexcel.reader.ReadingOptions(true, false))) {
            for (Row row : wb.getSheet(index).orElseThrow().read()) {
                Map<Integer, Cell> cells = new TreeMap<>();
                for (Cell cell : row) {
                    if (cell != null) {
                        cells.put(cell.getColumnIndex(), cell);
                    }
                }
                rows.put(row.getRowNum() - 1, cells);
            }
        }
        return rows;
    }

    /** The merged regions of sheet {@code n} (1-based), as "A3:A4", read from the sheet's XML. */
    public static Set<String> merged(byte[] xlsx, int n) throws IOException {
        Set<String> refs = new TreeSet<>();
        java.nio.file.Path file = java.nio.file.Files.createTempFile("merged", ".xlsx");
        try {
            java.nio.file.Files.write(file, xlsx);
            try (ZipFile zip = new ZipFile(file.toFile())) {
                ZipEntry entry = zip.getEntry("xl/worksheets/sheet" + n + ".xml");
                try (InputStream in = zip.getInputStream(entry)) {
                    Matcher m = Pattern.compile("<mergeCell ref=\"([A-Z0-9:]+)\"").matcher(
                            new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    while (m.find()) {
                        refs.add(m.group(1));
                    }
                }
            }
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
        return refs;
    }

    /** "A3:B4" for 0-based rows and columns (columns up to Z). */
    public static String ref(int top, int left, int bottom, int right) {
        return (char) ('A' + left) + String.valueOf(top + 1) + ":" + (char) ('A' + right) + (bottom + 1);
    }

    /** RFC 4180 records of a CSV text (without the BOM). */
    public static List<List<String>> csv(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        if (!field.isEmpty() || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }

    public static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    public static InputStream stream(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }
}
