package org.baeum.attendance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.baeum.BaeumIntegrationTest;
import org.baeum.DemoCatalogFixture;
import org.baeum.TestAccounts;
import org.baeum.attendance.Attendance;
import org.baeum.attendance.AttendanceSheet;
import org.baeum.attendance.TaughtOffering;
import org.baeum.attendance.certificate.Certificates;
import org.baeum.attendance.certificate.Verification;
import org.baeum.attendance.completion.CompletionDue;
import org.baeum.attendance.completion.Completions;
import org.baeum.attendance.completion.ParticipantProgress;
import org.baeum.attendance.transcript.TranscriptItem;
import org.baeum.attendance.transcript.Transcripts;
import org.baeum.base.demo.DemoDataContributor;
import org.baeum.base.i18n.Formats;
import org.baeum.catalog.ProgramId;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The demo instructor's classes (issue 16, "Demo data"): 이강사 teaches two running classes whose past sessions carry
 * marks (one learner can no longer reach the literacy class's 2/3) and one that has a session to take within the
 * last week, plus a finished class whose completions are confirmed and a second finished class that waits for the
 * instructor's confirmation (due on the instructor home); the demo citizen's transcript holds a certificate that
 * verifies. A second start changes nothing.
 */
@BaeumIntegrationTest
class AttendanceDemoDataTest {

    @Autowired
    List<DemoDataContributor> contributors;
    @Autowired
    TestAccounts accounts;
    @Autowired
    Attendance attendance;
    @Autowired
    Completions completions;
    @Autowired
    CompletionDue completionDue;
    @Autowired
    Transcripts transcripts;
    @Autowired
    Certificates certificates;
    @Autowired
    MongoDatabase database;
    @Autowired
    java.time.Clock clock;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void the_demo_instructor_teaches_two_running_classes_a_confirmed_finished_one_and_one_due_for_confirmation() {
        DemoCatalogFixture.loadAll(contributors);
        LocalDate today = LocalDate.now(clock.withZone(Formats.SEOUL));

        TestAccounts.signIn(accounts.user("instructor"));
        List<TaughtOffering> taught = attendance.myOfferings();
        TaughtOffering literacy = one(taught, AttendanceDemoData.LITERACY);
        TaughtOffering digital = one(taught, AttendanceDemoData.DIGITAL);
        TaughtOffering finished = one(taught, AttendanceDemoData.FINISHED);

        for (TaughtOffering running : List.of(literacy, digital)) {
            AttendanceSheet sheet = attendance.sheet(running.offering().id());
            assertThat(sheet.sessions()).as("sessions before and after today").anyMatch(d -> d.isBefore(today))
                    .anyMatch(d -> d.isAfter(today))
                    .as("a session the instructor may still mark").anyMatch(d -> !d.isAfter(today)
                            && !d.isBefore(today.minusDays(Attendance.EDIT_DAYS)));
            List<LocalDate> past = sheet.sessions().stream()
                    .filter(d -> d.isBefore(today.minusDays(AttendanceDemoData.LEFT_OPEN_DAYS))).toList();
            assertThat(past).hasSizeGreaterThanOrEqualTo(8);
            assertThat(sheet.rows()).hasSizeGreaterThanOrEqualTo(5)
                    .allSatisfy(r -> assertThat(r.marks().keySet()).as(r.name()).containsAll(past));
        }
        List<ParticipantProgress> progress = completions.progress(literacy.offering().id());
        assertThat(progress).filteredOn(p -> !p.reachable()).extracting(ParticipantProgress::name)
                .containsExactly("한말순");
        assertThat(progress).allSatisfy(p -> assertThat(p.needed()).isEqualTo(2.0 / 3));

        assertThat(finished.offering().sessionDates().getLast()).isBefore(today);
        List<ParticipantProgress> ended = completions.progress(finished.offering().id());
        assertThat(ended).filteredOn(p -> p.standing().completed()).extracting(ParticipantProgress::name)
                .containsExactlyInAnyOrder("김시민", "이영희", "박철수");

        // the second finished class waits for the instructor: not confirmed, due on the home page at once
        TaughtOffering unconfirmed = one(taught, AttendanceDemoData.UNCONFIRMED);
        assertThat(unconfirmed.offering().sessionDates()).hasSizeGreaterThanOrEqualTo(6);
        assertThat(unconfirmed.offering().sessionDates().getLast())
                .isBetween(today.minusDays(10), today.minusDays(AttendanceDemoData.UNCONFIRMED_DAYS_AGO));
        assertThat(completions.confirmed(unconfirmed.offering().id())).isEmpty();
        assertThat(completions.ruleFor(unconfirmed.offering().id())).isEqualTo(AttendanceDemoData.TWO_THIRDS);
        List<ParticipantProgress> waiting = completions.progress(unconfirmed.offering().id());
        assertThat(waiting).hasSize(4).allSatisfy(p -> assertThat(p.standing().held()).as(p.name() + " all held")
                .isEqualTo(p.standing().total()));
        assertThat(waiting).filteredOn(ParticipantProgress::meetsSoFar).extracting(ParticipantProgress::name)
                .containsExactlyInAnyOrder("박철수", "오정자", "윤옥분");
        assertThat(waiting).filteredOn(p -> !p.meetsSoFar()).extracting(ParticipantProgress::name)
                .containsExactly("최민지");
        assertThat(completionDue.mine()).extracting(d -> d.offering().id())
                .contains(unconfirmed.offering().id()).doesNotContain(finished.offering().id());

        TestAccounts.signIn(accounts.user("citizen"));
        TranscriptItem item = transcripts.mine().stream().flatMap(t -> t.items().stream())
                .filter(i -> i.participantName().equals("김시민")).findFirst().orElseThrow();
        assertThat(item.programKo()).isEqualTo("스마트폰 사진 정리 특강");
        assertThat(item.sessions()).isEqualTo(finished.offering().sessionDates().size());
        Verification verified = certificates.verify(item.certificateCode()).orElseThrow();
        assertThat(verified.valid()).isTrue();
        assertThat(verified.holderMasked()).isEqualTo("김*민");
        assertThat(verified.programKo()).isEqualTo("스마트폰 사진 정리 특강");

        Map<String, Long> before = counts();
        DemoCatalogFixture.loadAll(contributors); // a second start
        assertThat(counts()).isEqualTo(before);
        TestAccounts.signIn(accounts.user("citizen"));
        assertThat(transcripts.mine().stream().flatMap(t -> t.items().stream()).map(TranscriptItem::certificateCode))
                .containsExactly(item.certificateCode());
    }

    private static TaughtOffering one(List<TaughtOffering> taught, ProgramId program) {
        // this term's, the earliest in the day (as the demo data chose it), not next term's of the same program
        List<TaughtOffering> found = taught.stream().filter(t -> t.offering().program().id().equals(program))
                .filter(t -> !t.offering().termId().value().endsWith("-next"))
                .sorted(java.util.Comparator.comparing((TaughtOffering t) -> t.offering().schedule().startTime())
                        .thenComparing(t -> t.offering().id().value())).toList();
        assertThat(found).as("the demo instructor's classes of " + program.value()).isNotEmpty();
        return found.getFirst();
    }

    /** How many documents each collection holds, but the scheduler's own record of its runs (jobs run meanwhile). */
    private Map<String, Long> counts() {
        Map<String, Long> counts = new TreeMap<>();
        for (String name : database.listCollectionNames()) {
            if (name.equals("job_runs")) {
                continue;
            }
            counts.put(name, database.getCollection(name).countDocuments(new Document()));
        }
        return counts;
    }
}
