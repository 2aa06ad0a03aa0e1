package org.baeum.attendance.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.time.format.DateTimeFormatter;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.baeum.BaeumIntegrationTest;
import org.baeum.TestAccounts;
import org.baeum.attendance.Attendance;
import org.baeum.attendance.AttendanceClasses;
import org.baeum.attendance.AttendanceClasses.Taught;
import org.baeum.attendance.AttendanceStatus;
import org.baeum.attendance.Mark;
import org.baeum.base.security.BaeumUser;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** The roster and attendance workbook: its two sheets read back, and who may export it. */
@BaeumIntegrationTest
class AttendanceExportsTest {

    @Autowired
    AttendanceExports exports;
    @Autowired
    Attendance attendance;

    static AttendanceClasses classes;
    static BaeumUser teacher;
    static BaeumUser otherTeacher;
    static List<BaeumUser> citizens;

    @BeforeAll
    static void people(@Autowired AttendanceClasses fixture) {
        classes = fixture;
        AttendanceClasses.Cast cast = fixture.cast("xls", "출석표", 2, LocalDate.of(1960, 4, 1));
        teacher = cast.teacher();
        otherTeacher = cast.otherTeacher();
        citizens = cast.citizens();
    }

    @AfterEach
    void reset() {
        TestAccounts.signOut();
    }

    @Test
    void the_instructor_exports_the_roster_and_the_matrix_with_one_column_per_session() {
        Taught c = classes.taught(teacher, citizens);
        LocalDate first = c.sessions().getFirst();
        TestAccounts.signIn(teacher);
        attendance.mark(c.id(), first, List.of(new Mark(c.entries().get(0), AttendanceStatus.PRESENT),
                new Mark(c.entries().get(1), AttendanceStatus.EXCUSED)), null);
        attendance.mark(c.id(), c.sessions().get(1), List.of(new Mark(c.entries().get(0), AttendanceStatus.LATE),
                new Mark(c.entries().get(1), AttendanceStatus.ABSENT)), null);
        List<String> names = attendance.roster(c.id()).stream().map(r -> r.name()).toList();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(export(c, out)).isEqualTo(2);
        Map<String, List<List<String>>> sheets = read(out.toByteArray());

        assertThat(sheets.keySet()).containsExactly("수강생 명단", "출석부");
        List<List<String>> roster = sheets.get("수강생 명단");
        assertThat(roster.getFirst()).containsExactly("이름", "연령대", "연락처(가림)");
        assertThat(roster).hasSize(3);
        assertThat(roster.subList(1, 3)).extracting(r -> r.get(0)).containsExactlyElementsOf(names);
        assertThat(roster.get(1).get(1)).isEqualTo("60대");
        assertThat(roster.get(1).get(2)).contains("***@");

        List<List<String>> matrix = sheets.get("출석부");
        List<String> header = new ArrayList<>(List.of("이름"));
        c.sessions().forEach(d -> header.add(d.toString()));
        assertThat(matrix.getFirst()).containsExactlyElementsOf(header);
        assertThat(matrix).hasSize(3);
        int a = names.indexOf(citizens.get(0).displayName()) + 1;
        int b = names.indexOf(citizens.get(1).displayName()) + 1;
        assertThat(matrix.get(a)).containsExactly(citizens.get(0).displayName(), "출", "지");
        assertThat(matrix.get(b)).containsExactly(citizens.get(1).displayName(), "공", "결");
    }

    @Test
    void another_instructor_may_not_export_and_nothing_is_written() {
        Taught c = classes.taught(teacher, citizens);
        TestAccounts.signIn(otherTeacher);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThatThrownBy(() -> exports.xlsx(c.id(), out)).isExactlyInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> exports.signInSheet(c.id(), out)).isExactlyInstanceOf(AccessDeniedException.class);
        assertThat(out.size()).isZero();
    }

    @Test
    void the_sign_in_sheet_has_every_participant_and_every_session_date() throws IOException {
        Taught c = classes.taught(teacher, citizens);
        TestAccounts.signIn(teacher);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(exports.signInSheet(c.id(), out)).isEqualTo(2);
        try (PDDocument doc = Loader.loadPDF(out.toByteArray())) {
            int pages = (c.sessions().size() + SignInSheetPdf.SESSIONS_PER_PAGE - 1) / SignInSheetPdf.SESSIONS_PER_PAGE;
            assertThat(doc.getNumberOfPages()).isEqualTo(Math.max(1, pages));
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("출석부", citizens.get(0).displayName(), citizens.get(1).displayName());
            for (LocalDate d : c.sessions()) {
                assertThat(text).contains(DateTimeFormatter.ofPattern("MM/dd").format(d));
            }
        }
    }

    private int export(Taught c, ByteArrayOutputStream out) {
        try {
            return exports.xlsx(c.id(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sheet name → rows → cell texts (an empty cell as ""; trailing empty cells dropped). */
    private static Map<String, List<List<String>>> read(byte[] xlsx) {
        Map<String, List<List<String>>> sheets = new LinkedHashMap<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Sheet sheet : wb.getSheets().toList()) {
                List<List<String>> rows = new ArrayList<>();
                sheet.read().forEach(row -> {
                    List<String> cells = new ArrayList<>();
                    row.forEach(cell -> cells.add(cell == null ? "" : cell.getText()));
                    while (!cells.isEmpty() && cells.getLast().isEmpty()) {
                        cells.removeLast();
                    }
                    rows.add(cells);
                });
                sheets.put(sheet.getName(), rows);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sheets;
    }
}
