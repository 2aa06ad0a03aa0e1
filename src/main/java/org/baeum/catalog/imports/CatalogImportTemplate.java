package org.baeum.catalog.imports;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import org.baeum.account.AccountService;
import org.baeum.base.i18n.Messages;
import org.baeum.catalog.CatalogService;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The import template (XLSX): sheets 강좌 and 개설, each with the Korean headings in row 1, the English keys the
 * reader matches in row 2 and one example row (its code starts with {@code #}, so it is never imported), and the
 * sheet 코드 with every code a row may use and its Korean label, as the catalog stands now. For STAFF and ADMIN: it
 * lists the instructors' account ids.
 */
@Service
public class CatalogImportTemplate {

    public static final String FILE_NAME = "baeum-catalog-import.xlsx";

    private static final Map<String, String> PROGRAM_EXAMPLE = Map.ofEntries(Map.entry("code", "#P-2027-001"),
            Map.entry("titleKo", "예시) 스마트폰 사진 교실"), Map.entry("titleEn", "Smartphone photography"),
            Map.entry("descriptionKo", "이 줄은 예시입니다. 코드의 # 을 지우면 가져옵니다."), Map.entry("branchId", "main"),
            Map.entry("domain", "DIGITAL_CIVIC"), Map.entry("area", "CULTURE_ARTS"),
            Map.entry("subcategory", "EVERYDAY_ARTS"), Map.entry("audience", "ADULT"), Map.entry("kind", "CLASS"),
            Map.entry("format", "ON_SITE"), Map.entry("minAge", "19"), Map.entry("fee", "30000"),
            Map.entry("feeReductionsApply", "Y"), Map.entry("accessibility", "STEP_FREE"),
            Map.entry("instructors", ""));
    private static final Map<String, String> OFFERING_EXAMPLE = Map.ofEntries(Map.entry("code", "#O-2027-001-A"),
            Map.entry("programCode", "P-2027-001"), Map.entry("termId", "(코드 시트의 학기)"),
            Map.entry("weekdays", "월,수"), Map.entry("startTime", "10:00"), Map.entry("endTime", "12:00"),
            Map.entry("firstDate", "2027-03-02"), Map.entry("lastDate", "2027-05-26"), Map.entry("roomId", "main-ll-1"),
            Map.entry("capacity", "20"), Map.entry("phase1Opens", "2027-02-01 10:00"),
            Map.entry("phase1Closes", "2027-02-20 18:00"), Map.entry("phase1Method", "FIRST_COME"));

    private final CatalogService catalog;
    private final AccountService accounts;
    private final Messages messages;

    CatalogImportTemplate(CatalogService catalog, AccountService accounts, Messages messages) {
        this.catalog = catalog;
        this.accounts = accounts;
        this.messages = messages;
    }

    @PreAuthorize("hasAnyRole('STAFF','ADMIN')")
    public void write(OutputStream out) throws IOException {
        Workbook workbook = new Workbook(out, "Baeum", "1.0");
        sheet(workbook, ImportColumns.PROGRAMS, ImportColumns.PROGRAM, PROGRAM_EXAMPLE);
        sheet(workbook, ImportColumns.OFFERINGS, ImportColumns.OFFERING, OFFERING_EXAMPLE);
        Worksheet codes = workbook.newWorksheet(ImportColumns.CODES);
        List<String> headings = List.of("구분", "열 (key)", "코드", "한국어 이름");
        for (int c = 0; c < headings.size(); c++) {
            codes.value(0, c, headings.get(c));
            codes.style(0, c).bold().set();
        }
        codes.width(0, 18);
        codes.width(1, 16);
        codes.width(2, 28);
        codes.width(3, 48);
        int r = 1;
        for (ImportCodes.CodeList list : new ImportCodes(catalog, accounts, messages).lists()) {
            for (var code : list.codes().entrySet()) {
                codes.value(r, 0, list.heading());
                codes.value(r, 1, list.column());
                codes.value(r, 2, code.getKey());
                codes.value(r, 3, code.getValue());
                r++;
            }
        }
        codes.freezePane(0, 1);
        codes.finish();
        workbook.finish();
    }

    private static void sheet(Workbook workbook, String name, Map<String, String> columns, Map<String, String> example)
            throws IOException {
        Worksheet sheet = workbook.newWorksheet(name);
        int c = 0;
        for (var column : columns.entrySet()) {
            sheet.value(0, c, column.getValue());
            sheet.style(0, c).bold().fillColor("DDEBF7").set();
            sheet.value(1, c, column.getKey());
            sheet.style(1, c).italic().fontColor("666666").set();
            String value = example.get(column.getKey());
            if (value != null && !value.isEmpty()) {
                sheet.value(2, c, value);
            }
            // text cells: Excel keeps 월,수, 09:30 and codes as typed
            sheet.range(2, c, 2001, c).style().format("@").set();
            sheet.width(c, Math.max(12, column.getValue().length() * 2.2));
            c++;
        }
        sheet.freezePane(1, 2);
        sheet.finish();
    }
}
