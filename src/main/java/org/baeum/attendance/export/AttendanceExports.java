package org.baeum.attendance.export;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.baeum.attendance.Attendance;
import org.baeum.attendance.AttendanceSheet;
import org.baeum.attendance.AttendanceStatus;
import org.baeum.base.i18n.Messages;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.CurrentUser;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.OfferingId;
import org.baeum.enrollment.RosterEntry;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * An offering's roster and attendance as an XLSX workbook (issue 16, part 8), for its instructor or STAFF (the same
 * check as {@link Attendance}). Sheet 1: the roster (name, age band, masked contact). Sheet 2: the attendance matrix,
 * one row per enrolled participant and one column per session that counts, each mark as the letter of the paper
 * 출석부 (출, 지, 결, 공; empty when not marked). Texts in the caller's language. Who exported what is logged first.
 */
@Service
public class AttendanceExports {

    private static final Logger log = LoggerFactory.getLogger(AttendanceExports.class);
    /** The letters of a paper 출석부, whatever the language. */
    static final Map<AttendanceStatus, String> LETTERS = Map.of(AttendanceStatus.PRESENT, "출",
            AttendanceStatus.LATE, "지", AttendanceStatus.ABSENT, "결", AttendanceStatus.EXCUSED, "공");

    private final Attendance attendance;
    private final Messages messages;
    private final CurrentUser currentUser;
    private final CatalogService catalog;
    private final SignInSheetPdf pdf;

    AttendanceExports(Attendance attendance, Messages messages, CurrentUser currentUser, CatalogService catalog,
                      SignInSheetPdf pdf) {
        this.attendance = attendance;
        this.messages = messages;
        this.currentUser = currentUser;
        this.catalog = catalog;
        this.pdf = pdf;
    }

    /**
     * Writes a printable sign-in sheet (출석부, PDF): one row per enrolled participant, one empty box per session.
     *
     * @return the number of participants on it
     * @throws org.springframework.security.access.AccessDeniedException when the caller neither teaches the offering
     *         nor is STAFF or ADMIN
     */
    @PreAuthorize("hasAnyRole('INSTRUCTOR','STAFF','ADMIN')")
    public int signInSheet(OfferingId offeringId, OutputStream out) throws IOException {
        AttendanceSheet sheet = attendance.sheet(offeringId); // checks the caller
        BaeumUser user = currentUser.require();
        Locale language = user.language() == null ? Locale.KOREAN : user.language();
        log.info("Account {} printed the sign-in sheet of offering {}: {} participants, {} sessions",
                user.accountId(), offeringId.value(), sheet.rows().size(), sheet.sessions().size());
        String title = catalog.offering(offeringId).map(o -> o.title(language)).orElse(offeringId.value());
        pdf.render(t("attendanceExport.sheet.attendance", language) + ": " + title,
                t("attendanceExport.column.name", language),
                sheet.rows().stream().map(AttendanceSheet.Row::name).toList(), sheet.sessions(), out);
        out.flush();
        return sheet.rows().size();
    }

    /** The file name offered for the download. */
    public static String fileName(OfferingId id) {
        return "attendance-" + id.value() + ".xlsx";
    }

    /**
     * Writes the workbook to {@code out} (flushed, not closed).
     *
     * @return the number of participants written
     * @throws org.springframework.security.access.AccessDeniedException when the caller neither teaches the offering
     *         nor is STAFF or ADMIN
     */
    @PreAuthorize("hasAnyRole('INSTRUCTOR','STAFF','ADMIN')")
    public int xlsx(OfferingId offeringId, OutputStream out) throws IOException {
        List<RosterEntry> roster = attendance.roster(offeringId); // checks the caller
        AttendanceSheet sheet = attendance.sheet(offeringId);
        BaeumUser user = currentUser.require();
        Locale language = user.language() == null ? Locale.KOREAN : user.language();
        log.info("Account {} exported the roster and attendance of offering {}: {} participants, {} sessions",
                user.accountId(), offeringId.value(), roster.size(), sheet.sessions().size());
        Workbook workbook = new Workbook(out, "Baeum", "1.0");
        Worksheet first = workbook.newWorksheet(t("attendanceExport.sheet.roster", language));
        header(first, 0, t("attendanceExport.column.name", language), 20);
        header(first, 1, t("attendanceExport.column.ageBand", language), 12);
        header(first, 2, t("attendanceExport.column.contact", language), 28);
        int row = 1;
        for (RosterEntry r : roster) {
            first.inlineString(row, 0, r.name());
            first.inlineString(row, 1, ageBand(r.ageBand(), language));
            first.inlineString(row, 2, r.maskedContact() == null ? "" : r.maskedContact());
            row++;
        }
        first.freezePane(0, 1);
        first.finish();
        Worksheet second = workbook.newWorksheet(t("attendanceExport.sheet.attendance", language));
        header(second, 0, t("attendanceExport.column.name", language), 20);
        List<LocalDate> days = sheet.sessions();
        for (int c = 0; c < days.size(); c++) {
            header(second, c + 1, days.get(c).toString(), 11);
        }
        row = 1;
        for (AttendanceSheet.Row r : sheet.rows()) {
            second.inlineString(row, 0, r.name());
            for (int c = 0; c < days.size(); c++) {
                AttendanceStatus status = r.marks().get(days.get(c));
                if (status != null) {
                    second.inlineString(row, c + 1, LETTERS.get(status));
                }
            }
            row++;
        }
        second.freezePane(1, 1);
        second.finish();
        workbook.finish();
        out.flush();
        return roster.size();
    }

    private static void header(Worksheet sheet, int column, String text, double width) {
        sheet.inlineString(0, column, text);
        sheet.style(0, column).bold().set();
        sheet.width(column, width);
    }

    private String ageBand(int band, Locale language) {
        if (band < 10) {
            return t("attendancePage.ageUnder10", language);
        }
        return band >= 70 ? t("attendancePage.age70", language) : messages.get("attendancePage.ageBand", language, band);
    }

    private String t(String key, Locale language) {
        return messages.get(key, language);
    }
}
