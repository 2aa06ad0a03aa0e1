package org.baeum.base.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.baeum.BaeumIntegrationTest;
import org.baeum.MutableClock;
import org.baeum.TestAccounts;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.Role;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

@BaeumIntegrationTest
class AccessLogTest {

    static BaeumUser admin;
    static BaeumUser staff;
    static BaeumUser instructor;
    static BaeumUser citizen;

    @Autowired
    AccessLog accessLog;
    @Autowired
    MutableClock clock;

    @BeforeAll
    static void accounts(@Autowired TestAccounts accounts) {
        admin = accounts.create("log-admin", Role.ADMIN);
        staff = accounts.create("log-staff", Role.STAFF);
        instructor = accounts.create("log-instructor", Role.INSTRUCTOR);
        citizen = accounts.create("log-citizen", Role.CITIZEN);
    }

    @AfterEach
    void cleanUp() {
        TestAccounts.signOut();
        RequestContextHolder.resetRequestAttributes();
        clock.reset();
    }

    private List<AccessLogEntry> asAdmin(AccessLogQuery query) {
        TestAccounts.signIn(admin);
        try {
            return accessLog.page(query, 0, AccessLog.MAX_PAGE_SIZE);
        } finally {
            TestAccounts.signOut();
        }
    }

    /** Sets the test clock to about this instant (it keeps running from there). */
    private void clockAt(Instant instant) {
        clock.reset();
        clock.advance(Duration.between(clock.instant(), instant));
    }

    @Test
    void an_entry_stores_who_when_whose_what_and_from_where() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr("203.0.113.7");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        TestAccounts.signIn(staff);
        // MongoDB keeps milliseconds
        Instant before = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        accessLog.record(AccessAction.VIEW_PROFILE, "subject-who", "opened from the member search");
        Instant after = clock.instant();

        List<AccessLogEntry> entries = asAdmin(AccessLogQuery.forSubject("subject-who"));
        assertThat(entries).hasSize(1);
        AccessLogEntry entry = entries.getFirst();
        assertThat(entry.actorAccountId()).isEqualTo(staff.accountId());
        assertThat(entry.actorUsername()).isEqualTo("log-staff");
        assertThat(entry.actorRoles()).containsExactly(Role.STAFF);
        assertThat(entry.at()).isBetween(before, after);
        assertThat(entry.action()).isEqualTo(AccessAction.VIEW_PROFILE);
        assertThat(entry.subjectAccountId()).isEqualTo("subject-who");
        assertThat(entry.clientAddress()).isEqualTo("203.0.113.7");
        assertThat(entry.detail()).isEqualTo("opened from the member search");
        assertThat(entry.id()).isNotBlank();
    }

    @Test
    void work_outside_a_request_is_recorded_without_an_address() {
        TestAccounts.signIn(staff);
        accessLog.record(AccessAction.DEACTIVATE_ACCOUNT, "subject-no-request", null);
        AccessLogEntry entry = asAdmin(AccessLogQuery.forSubject("subject-no-request")).getFirst();
        assertThat(entry.clientAddress()).isNull();
        assertThat(entry.detail()).isNull();
    }

    @Test
    void resident_numbers_never_reach_the_log_and_long_details_are_cut() {
        TestAccounts.signIn(staff);
        accessLog.record(AccessAction.VIEW_ELIGIBILITY, "subject-rrn",
                "checked 900101-1234567 and 8501012345678\nagainst the list");
        accessLog.record(AccessAction.VIEW_ELIGIBILITY, "subject-rrn", "가".repeat(2_000));

        List<AccessLogEntry> entries = asAdmin(AccessLogQuery.forSubject("subject-rrn"));
        assertThat(entries).extracting(AccessLogEntry::detail)
                .contains("checked [redacted] and [redacted] against the list")
                .anySatisfy(d -> assertThat(d).hasSize(AccessLog.MAX_DETAIL_LENGTH))
                .noneSatisfy(d -> assertThat(d).containsPattern("\\d{6}-?\\d{7}"));
    }

    @Test
    void nobody_records_without_being_signed_in() {
        assertThatThrownBy(() -> accessLog.record(AccessAction.VIEW_PROFILE, "subject-anon", null))
                .isInstanceOfAny(AccessDeniedException.class, AuthenticationException.class);
    }

    @Test
    void a_citizen_cannot_write_to_the_log() {
        TestAccounts.signIn(citizen);
        assertThatThrownBy(() -> accessLog.record(AccessAction.VIEW_PROFILE, "subject-forged", "forged"))
                .isInstanceOf(AccessDeniedException.class);
        TestAccounts.signIn(admin);
        assertThat(accessLog.count(AccessLogQuery.forSubject("subject-forged"))).isZero();
    }

    @Test
    void citizens_instructors_and_staff_are_refused_the_log() {
        for (BaeumUser user : List.of(citizen, instructor, staff)) {
            TestAccounts.signIn(user);
            assertThatThrownBy(() -> accessLog.page(AccessLogQuery.all(), 0, 10)).as(user.getUsername())
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> accessLog.count(AccessLogQuery.all())).as(user.getUsername())
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> accessLog.export(AccessLogQuery.all(), AccessLogFormat.CSV, Locale.KOREAN,
                    new ByteArrayOutputStream())).as(user.getUsername()).isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    void filters_by_seoul_dates_actor_subject_and_action_newest_first() {
        // 2031-03-01 23:59 and 2031-03-02 00:01 in Seoul are both 1 March in UTC
        clockAt(Instant.parse("2031-03-01T14:59:00Z"));
        TestAccounts.signIn(staff);
        accessLog.record(AccessAction.VIEW_PROFILE, "subject-f1", "late on 1 March");
        clockAt(Instant.parse("2031-03-01T15:01:00Z"));
        accessLog.record(AccessAction.VIEW_HOUSEHOLD, "subject-f1", "early on 2 March");
        TestAccounts.signIn(instructor);
        accessLog.record(AccessAction.VIEW_PROFILE, "subject-f2", "instructor on 2 March");
        clockAt(Instant.parse("2031-03-03T03:00:00Z"));
        TestAccounts.signIn(staff);
        accessLog.record(AccessAction.RESET_PASSWORD, "subject-f2", "noon on 3 March");

        LocalDate march1 = LocalDate.of(2031, 3, 1);
        LocalDate march2 = LocalDate.of(2031, 3, 2);
        LocalDate march3 = LocalDate.of(2031, 3, 3);
        assertThat(details(new AccessLogQuery(march1, march3, null, null, null)))
                .containsExactly("noon on 3 March", "instructor on 2 March", "early on 2 March", "late on 1 March");
        assertThat(details(new AccessLogQuery(march2, march2, null, null, null)))
                .containsExactly("instructor on 2 March", "early on 2 March");
        assertThat(details(new AccessLogQuery(march1, march1, null, null, null))).containsExactly("late on 1 March");
        assertThat(details(new AccessLogQuery(march3, null, null, null, null))).containsExactly("noon on 3 March");
        assertThat(details(new AccessLogQuery(march3, march1, null, null, null))).isEmpty();
        assertThat(details(new AccessLogQuery(march1, march3, " LOG-Instructor ", null, null)))
                .containsExactly("instructor on 2 March");
        assertThat(details(new AccessLogQuery(null, null, null, "subject-f2", null)))
                .containsExactly("noon on 3 March", "instructor on 2 March");
        assertThat(details(new AccessLogQuery(march1, march3, "log-staff", null, AccessAction.VIEW_PROFILE)))
                .containsExactly("late on 1 March");

        TestAccounts.signIn(admin);
        assertThat(accessLog.count(new AccessLogQuery(march1, march3, "log-staff", null, null))).isEqualTo(3);
    }

    @Test
    void pages_follow_each_other_without_gaps_or_repeats() {
        TestAccounts.signIn(staff);
        for (int i = 0; i < 25; i++) {
            accessLog.record(AccessAction.VIEW_PROFILE, "subject-paging", "view " + i);
        }
        TestAccounts.signIn(admin);
        AccessLogQuery query = AccessLogQuery.forSubject("subject-paging");
        List<String> seen = new ArrayList<>();
        for (int offset = 0; offset < 25; offset += 10) {
            seen.addAll(accessLog.page(query, offset, 10).stream().map(AccessLogEntry::detail).toList());
        }
        assertThat(seen).hasSize(25).doesNotHaveDuplicates().startsWith("view 24", "view 23").endsWith("view 0");
        assertThat(accessLog.count(query)).isEqualTo(25);
        assertThatThrownBy(() -> accessLog.page(query, 0, AccessLog.MAX_PAGE_SIZE + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_csv_export_holds_the_filtered_entries_for_excel_and_is_itself_logged() throws Exception {
        TestAccounts.signIn(staff);
        accessLog.record(AccessAction.VIEW_HOUSEHOLD, "subject-csv", "household, \"spouse\" and child");
        accessLog.record(AccessAction.VIEW_PROFILE, "subject-csv", "=HYPERLINK(\"http://evil.example\")");
        accessLog.record(AccessAction.VIEW_PROFILE, "subject-other", "not in the file");

        TestAccounts.signIn(admin);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rows = accessLog.export(new AccessLogQuery(null, null, "log-staff", "subject-csv", null), AccessLogFormat.CSV,
                Locale.KOREAN, out);

        byte[] bytes = out.toByteArray();
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        List<List<String>> csv = Csv.parse(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8));
        assertThat(rows).isEqualTo(2);
        assertThat(csv).hasSize(3);
        assertThat(csv.getFirst()).containsExactly("일시 (서울)", "처리자", "처리자 계정 ID", "처리자 역할", "처리 유형",
                "정보주체 계정 ID", "접속 주소", "처리 내용");
        assertThat(csv.get(1)).containsExactly(csv.get(1).getFirst(), "log-staff", staff.accountId(), "직원",
                "회원 정보 열람", "subject-csv", "", "'=HYPERLINK(\"http://evil.example\")");
        assertThat(csv.get(1).getFirst()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
        assertThat(csv.get(2)).element(4).isEqualTo("가구 정보 열람");
        assertThat(csv.get(2)).element(7).isEqualTo("household, \"spouse\" and child");

        List<AccessLogEntry> exports = accessLog.page(
                new AccessLogQuery(null, null, "log-admin", "subject-csv", AccessAction.EXPORT_ACCESS_LOG), 0, 10);
        assertThat(exports).hasSize(1);
        assertThat(exports.getFirst().subjectAccountId()).isEqualTo("subject-csv");
        assertThat(exports.getFirst().detail()).contains("CSV", "2 matching", "actor=log-staff", "subject=subject-csv");
    }

    @Test
    void the_xlsx_export_holds_the_filtered_entries_and_is_itself_logged() throws Exception {
        TestAccounts.signIn(staff);
        accessLog.record(AccessAction.DECIDE_ELIGIBILITY, "subject-xlsx", "기초생활수급자, approved");
        accessLog.record(AccessAction.VIEW_PROFILE, "subject-xlsx-other", "not in the file");

        TestAccounts.signIn(admin);
        long exportsBefore = accessLog.count(new AccessLogQuery(null, null, null, null, AccessAction.EXPORT_ACCESS_LOG));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rows = accessLog.export(AccessLogQuery.forSubject("subject-xlsx"), AccessLogFormat.XLSX, Locale.ENGLISH, out);

        assertThat(rows).isEqualTo(2); // the decision, and the export entry itself, which is about the same subject
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(workbook.getFirstSheet().getName()).isEqualTo("Access log");
            List<Row> sheet = workbook.getFirstSheet().read();
            assertThat(sheet).hasSize(3);
            assertThat(sheet.getFirst().getCellText(0)).isEqualTo("Time (Seoul)");
            assertThat(sheet.get(1).getCellText(4)).isEqualTo("Exported the access log");
            Row decision = sheet.get(2);
            assertThat(decision.getCellAsDate(0)).isPresent();
            assertThat(decision.getCellText(1)).isEqualTo("log-staff");
            assertThat(decision.getCellText(3)).isEqualTo("Staff");
            assertThat(decision.getCellText(4)).isEqualTo("Decided fee-reduction eligibility");
            assertThat(decision.getCellText(5)).isEqualTo("subject-xlsx");
            assertThat(decision.getCellText(7)).isEqualTo("기초생활수급자, approved");
        }
        assertThat(accessLog.count(new AccessLogQuery(null, null, null, null, AccessAction.EXPORT_ACCESS_LOG)))
                .isEqualTo(exportsBefore + 1);
    }

    @Test
    void the_subject_and_admin_read_the_entries_about_an_account_and_nobody_else_does() {
        TestAccounts.signIn(staff);
        accessLog.record(AccessAction.VIEW_PROFILE, citizen.accountId(), "desk enquiry");

        TestAccounts.signIn(citizen);
        assertThat(accessLog.recordedFor(citizen.accountId(), 0, 10)).singleElement()
                .satisfies(e -> assertThat(e.actorUsername()).isEqualTo("log-staff"));
        assertThat(accessLog.countRecordedFor(citizen.accountId())).isEqualTo(1);
        assertThatThrownBy(() -> accessLog.recordedFor(staff.accountId(), 0, 10)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> accessLog.recordedFor(" ", 0, 10)).isInstanceOf(IllegalArgumentException.class);

        TestAccounts.signIn(admin);
        assertThat(accessLog.recordedFor(citizen.accountId(), 0, 10)).hasSize(1);

        for (BaeumUser other : List.of(staff, instructor)) {
            TestAccounts.signIn(other);
            assertThatThrownBy(() -> accessLog.recordedFor(citizen.accountId(), 0, 10)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> accessLog.countRecordedFor(citizen.accountId())).isInstanceOf(AccessDeniedException.class);
        }
    }

    private List<String> details(AccessLogQuery query) {
        return asAdmin(query).stream().map(AccessLogEntry::detail).toList();
    }
}
