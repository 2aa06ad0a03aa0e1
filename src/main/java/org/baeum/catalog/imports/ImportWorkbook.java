package org.baeum.catalog.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * An uploaded import file read with fastexcel-reader: the rows of the 강좌 and 개설 sheets below their two header
 * rows (Korean headings, then the English keys the columns are matched by), each as key → value (a {@link String},
 * a {@link java.math.BigDecimal} or a {@link Boolean}). Empty rows and rows whose code starts with {@code #} (the
 * template's example) are skipped. A file that does not fit is an {@link ImportFileException}.
 */
final class ImportWorkbook {

    static final int MAX_BYTES = 5 * 1024 * 1024;
    static final int MAX_ROWS = 2_000;

    /** One data row: its number as Excel shows it and its values by column key (blank cells absent). */
    record SheetRow(int row, Map<String, Object> values) {

        Object get(String key) {
            return values.get(key);
        }

        String code() {
            Object code = values.get("code");
            return code == null ? "" : ImportCells.plain(code);
        }
    }

    private ImportWorkbook() {
    }

    /** The data rows of both sheets, programs first. */
    static Map<String, List<SheetRow>> read(byte[] file) {
        if (file == null || file.length == 0) {
            throw new ImportFileException("catalog.import.file.empty");
        }
        if (file.length > MAX_BYTES) {
            throw new ImportFileException("catalog.import.file.tooLarge", MAX_BYTES / 1024 / 1024);
        }
        if (!ReadableWorkbook.isOOXMLZipHeader(Arrays.copyOf(file, Math.min(file.length, 8)))) {
            throw new ImportFileException("catalog.import.file.notXlsx");
        }
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(file))) {
            Map<String, List<SheetRow>> sheets = new HashMap<>();
            int[] total = {0};
            for (String name : List.of(ImportColumns.PROGRAMS, ImportColumns.OFFERINGS)) {
                Sheet sheet = workbook.findSheet(name)
                        .orElseThrow(() -> new ImportFileException("catalog.import.file.missingSheet", name));
                sheets.put(name, rows(sheet, name, total));
            }
            return sheets;
        } catch (ImportFileException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ImportFileException("catalog.import.file.notXlsx");
        }
    }

    private static List<SheetRow> rows(Sheet sheet, String name, int[] total) throws IOException {
        List<SheetRow> rows = new ArrayList<>();
        Map<Integer, String> keys = null;
        try (Stream<Row> stream = sheet.openStream()) {
            for (Row row : (Iterable<Row>) stream::iterator) {
                if (row.getRowNum() == 1) {
                    continue;
                }
                if (row.getRowNum() == 2) {
                    keys = keys(row, name);
                    continue;
                }
                if (keys == null) {
                    break;
                }
                Map<String, Object> values = new HashMap<>();
                for (Cell cell : row) {
                    String key = cell == null ? null : keys.get(cell.getColumnIndex());
                    Object value = key == null ? null : value(cell);
                    if (value != null) {
                        values.put(key, value);
                    }
                }
                SheetRow data = new SheetRow(row.getRowNum(), values);
                if (values.isEmpty() || data.code().startsWith("#")) {
                    continue;
                }
                if (++total[0] > MAX_ROWS) {
                    throw new ImportFileException("catalog.import.file.tooManyRows", MAX_ROWS);
                }
                rows.add(data);
            }
        }
        if (keys == null) {
            throw new ImportFileException("catalog.import.file.missingColumns", name,
                    String.join(", ", ImportColumns.required(name)));
        }
        return rows;
    }

    /** Column index → key of the second header row; every required key must be there. */
    private static Map<Integer, String> keys(Row row, String sheet) {
        Map<Integer, String> keys = new HashMap<>();
        for (Cell cell : row) {
            if (cell != null && cell.getType() == org.dhatim.fastexcel.reader.CellType.STRING) {
                keys.put(cell.getColumnIndex(), cell.asString().strip());
            }
        }
        List<String> missing = ImportColumns.required(sheet).stream().filter(k -> !keys.containsValue(k)).toList();
        if (!missing.isEmpty()) {
            throw new ImportFileException("catalog.import.file.missingColumns", sheet, String.join(", ", missing));
        }
        return keys;
    }

    private static Object value(Cell cell) {
        return switch (cell.getType()) {
            case NUMBER -> cell.asNumber();
            case BOOLEAN -> cell.asBoolean();
            case STRING -> cell.asString().isBlank() ? null : cell.asString().strip();
            case FORMULA, ERROR -> cell.getRawValue() == null || cell.getRawValue().isBlank() ? null : cell.getRawValue().strip();
            case EMPTY -> null;
        };
    }
}
