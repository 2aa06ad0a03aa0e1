package org.baeum.catalog.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** An import file as staff would fill in the template: both header rows of {@link ImportColumns}, then the rows. */
public final class ImportFiles {

    private final List<Map<String, Object>> programs = new ArrayList<>();
    private final List<Map<String, Object>> offerings = new ArrayList<>();

    public ImportFiles program(Map<String, Object> row) {
        programs.add(row);
        return this;
    }

    public ImportFiles offering(Map<String, Object> row) {
        offerings.add(row);
        return this;
    }

    public byte[] xlsx() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Workbook workbook = new Workbook(out, "test", "1.0");
            sheet(workbook, ImportColumns.PROGRAMS, ImportColumns.PROGRAM, programs);
            sheet(workbook, ImportColumns.OFFERINGS, ImportColumns.OFFERING, offerings);
            workbook.finish();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sheet(Workbook workbook, String name, Map<String, String> columns,
                              List<Map<String, Object>> rows) throws IOException {
        Worksheet sheet = workbook.newWorksheet(name);
        List<String> keys = List.copyOf(columns.keySet());
        for (int c = 0; c < keys.size(); c++) {
            sheet.value(0, c, columns.get(keys.get(c)));
            sheet.value(1, c, keys.get(c));
            for (int r = 0; r < rows.size(); r++) {
                Object value = rows.get(r).get(keys.get(c));
                if (value instanceof LocalDate date) {
                    sheet.value(r + 2, c, date);
                    sheet.style(r + 2, c).format("yyyy-mm-dd").set();
                } else if (value instanceof Number n) {
                    sheet.value(r + 2, c, n);
                } else if (value != null) {
                    sheet.value(r + 2, c, value.toString());
                }
            }
        }
        sheet.finish();
    }
}
