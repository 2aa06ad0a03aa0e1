package org.baeum.reporting;

import static com.mongodb.client.model.Filters.in;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.baeum.BaeumIntegrationTest;
import org.baeum.TestAccounts;
import org.baeum.account.PersonalDataService;
import org.baeum.attendance.Attendance;
import org.baeum.attendance.AttendanceClasses;
import org.baeum.attendance.AttendanceClasses.Taught;
import org.baeum.attendance.AttendanceStatus;
import org.baeum.attendance.Mark;
import org.baeum.base.security.BaeumUser;
import org.baeum.catalog.CatalogService;
import org.baeum.reporting.internal.ParticipationData;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The reports over the real features (decision 0037), end to end: enrolments made through enrolment, marks through
 * attendance, an account deleted through the privacy service, then the centre's table read through {@link Reports}
 * and checked against counts taken here from the stored documents ({@code enrollments}, {@code attendance_sessions}),
 * not through the reports' feed: one person in two classes is one 실인원 and two entries; the marked sessions give
 * the 연인원 (late counts, absent and excused do not); the deleted account's participation still counts and names
 * nobody.
 */
@BaeumIntegrationTest
class ReportsOverServicesTest {

    @Autowired
    AttendanceClasses classes;
    @Autowired
    Attendance attendance;
    @Autowired
    PersonalDataService personalData;
    @Autowired
    Reports reports;
    @Autowired
    ParticipationData data;
    @Autowired
    CatalogService catalog;
    @Autowired
    MongoDatabase database;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void the_centres_table_counts_people_once_and_sessions_attended_and_keeps_a_deleted_account() {
        AttendanceClasses.Cast cast = classes.cast("rep", "보고서", 4, LocalDate.of(1975, 5, 5));
        List<BaeumUser> people = cast.citizens();
        Taught big = classes.taught(cast.teacher(), people);
        Taught small = classes.taught(cast.teacher(), people.subList(0, 2));

        TestAccounts.signIn(cast.staff());
        List<LocalDate> sessions = attendance.sheet(big.id()).sessions();
        assertThat(sessions).as("a class of several sessions").hasSizeGreaterThanOrEqualTo(5);
        for (int s = 0; s < sessions.size(); s++) {
            List<Mark> marks = new ArrayList<>();
            for (int p = 0; p < big.entries().size(); p++) {
                AttendanceStatus status = p == 3 && s % 3 == 0 ? AttendanceStatus.ABSENT
                        : p == 2 && s % 4 == 1 ? AttendanceStatus.LATE : p == 1 && s == 1 ? AttendanceStatus.EXCUSED
                        : AttendanceStatus.PRESENT;
                marks.add(new Mark(big.entries().get(p), status));
            }
            attendance.mark(big.id(), sessions.get(s), marks, null);
        }
        List<LocalDate> smallSessions = attendance.sheet(small.id()).sessions();
        attendance.mark(small.id(), smallSessions.getFirst(), small.entries().stream()
                .map(e -> new Mark(e, AttendanceStatus.PRESENT)).toList(), null);
        TestAccounts.signOut();

        TestAccounts.signIn(people.get(3));
        personalData.deleteMyAccount(TestAccounts.PASSWORD);
        TestAccounts.signOut();

        Set<String> offerings = Set.of(big.id().value(), small.id().value());
        List<Document> entries = database.getCollection("enrollments").find(in("offeringId", offerings))
                .into(new ArrayList<>());
        assertThat(entries).hasSize(6);
        Set<String> persons = new HashSet<>();
        entries.forEach(e -> persons.add(e.get("facts", Document.class).getString("person")));
        long attended = 0;
        for (Document session : database.getCollection("attendance_sessions").find(in("offeringId", offerings))) {
            for (Object mark : session.get("marks", Document.class).values()) {
                String status = ((Document) mark).getString("status");
                attended += "PRESENT".equals(status) || "LATE".equals(status) ? 1 : 0;
            }
        }
        assertThat(persons).as("four people, the deleted one under a new key").hasSize(4)
                .doesNotContain(people.get(3).accountId());
        int n = sessions.size();
        assertThat(attended).as("every session of 4, less the absences and the one excused, plus one session of 2")
                .isEqualTo(n * 4L - (n + 2) / 3 - 1 + 2);

        int year = catalog.offering(big.id()).orElseThrow().ageDay().getYear();
        TestAccounts.signIn(cast.staff());
        data.rebuildNow(year);
        ReportTable table = reports.run("participation", ReportQuery.year(year), Locale.KOREAN).orElseThrow();
        List<Object> total = table.rows().getLast();
        assertThat((Long) value(table, total, "total.courses")).as("courses of the year: ours and the demo catalog's")
                .isGreaterThanOrEqualTo(2L);
        assertThat(value(table, total, "total.people")).as("실인원").isEqualTo((long) persons.size());
        assertThat(value(table, total, "total.personSessions")).as("연인원").isEqualTo(attended);
        assertThat(table.rows().toString()).doesNotContain(people.get(3).displayName());
    }

    private static Object value(ReportTable table, List<Object> row, String key) {
        for (int i = 0; i < table.columns().size(); i++) {
            if (table.columns().get(i).key().equals(key)) {
                return row.get(i);
            }
        }
        throw new AssertionError("no column " + key + " in " + table.columns());
    }
}
