package org.baeum.attendance.completion;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.baeum.BaeumIntegrationTest;
import org.baeum.MutableClock;
import org.baeum.TestAccounts;
import org.baeum.attendance.Attendance;
import org.baeum.attendance.AttendanceClasses;
import org.baeum.attendance.AttendanceClasses.Taught;
import org.baeum.attendance.AttendanceStatus;
import org.baeum.attendance.Mark;
import org.baeum.attendance.certificate.Certificates;
import org.baeum.attendance.certificate.Verification;
import org.baeum.base.domain.FieldProblem;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.base.i18n.Formats;
import org.baeum.base.security.BaeumUser;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.Offering;
import org.baeum.enrollment.EnrollmentId;
import org.baeum.notification.internal.OutboxRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** Progress, who may see it, and confirming completion with its certificates and mail, once. */
@BaeumIntegrationTest
class CompletionsTest {

    @Autowired
    Completions completions;
    @Autowired
    HouseholdCompletions households;
    @Autowired
    CompletionRules rules;
    @Autowired
    Attendance attendance;
    @Autowired
    Certificates certificates;
    @Autowired
    CatalogService catalog;
    @Autowired
    MongoDatabase database;
    @Autowired
    MutableClock clock;

    static AttendanceClasses classes;
    static BaeumUser teacher;
    static BaeumUser otherTeacher;
    static BaeumUser staff;
    static List<BaeumUser> citizens;

    @BeforeAll
    static void people(@Autowired AttendanceClasses fixture) {
        classes = fixture;
        AttendanceClasses.Cast cast = fixture.cast("cmp", "수료생", 3, LocalDate.of(1950, 4, 1));
        teacher = cast.teacher();
        otherTeacher = cast.otherTeacher();
        staff = cast.staff();
        citizens = cast.citizens();
    }

    @AfterEach
    void reset() {
        TestAccounts.signOut();
        clock.reset();
    }

    /** A class with a 2/3 rule: the first attends all, the second exactly 2/3, the third one session fewer. */
    Taught markedClass() {
        Taught c = classes.taught(teacher, citizens);
        int n = c.sessions().size();
        int twoThirds = (2 * n + 2) / 3;
        TestAccounts.signIn(staff);
        rules.setRule(catalog.offering(c.id()).orElseThrow().program().id(), new CompletionRule(2, 3, false));
        for (int i = 0; i < n; i++) {
            attendance.mark(c.id(), c.sessions().get(i), List.of(
                    new Mark(c.entries().get(0), AttendanceStatus.PRESENT),
                    new Mark(c.entries().get(1), i < twoThirds ? AttendanceStatus.PRESENT : AttendanceStatus.ABSENT),
                    new Mark(c.entries().get(2), i < twoThirds - 1 ? AttendanceStatus.LATE : AttendanceStatus.ABSENT)),
                    null);
        }
        TestAccounts.signOut();
        return c;
    }

    void afterTheLastSession(Taught c) {
        LocalDate today = LocalDate.now(clock.withZone(Formats.SEOUL));
        clock.advance(Duration.ofDays(ChronoUnit.DAYS.between(today, c.sessions().getLast()) + 1));
    }

    @Test
    void the_instructor_sees_each_participants_progress_and_when_the_rule_was_lost() {
        Taught c = markedClass();
        afterTheLastSession(c);
        TestAccounts.signIn(teacher);
        List<ParticipantProgress> progress = completions.progress(c.id());
        assertThat(progress).extracting(ParticipantProgress::enrollmentId).containsExactlyElementsOf(c.entries());
        assertThat(progress).allSatisfy(p -> assertThat(p.needed()).isEqualTo(2.0 / 3));
        assertThat(progress.get(0).shareSoFar()).isEqualTo(1.0);
        assertThat(progress).extracting(ParticipantProgress::reachable).containsExactly(true, true, false);
        // the third attended all but one of the sessions needed first: only the last absence made it unreachable
        assertThat(progress.get(2).lostOn()).isEqualTo(c.sessions().getLast());
        assertThat(progress.get(1).lostOn()).isNull();
    }

    @Test
    void another_instructor_and_a_citizen_are_refused_progress_portfolio_and_confirmation() {
        Taught c = markedClass();
        afterTheLastSession(c);
        TestAccounts.signIn(otherTeacher);
        assertThatThrownBy(() -> completions.progress(c.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> completions.confirm(c.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> completions.setPortfolio(c.id(), c.entries().getFirst(), true))
                .isInstanceOf(AccessDeniedException.class);
        TestAccounts.signIn(citizens.getFirst());
        assertThatThrownBy(() -> completions.progress(c.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> completions.confirm(c.id())).isInstanceOf(AccessDeniedException.class);
        assertThat(database.getCollection("completions").countDocuments(eq("offeringId", c.id().value())))
                .isZero();
        TestAccounts.signIn(teacher);
        assertThatThrownBy(() -> rules.setRule(catalog.offering(c.id()).orElseThrow().program().id(),
                new CompletionRule(1, 2, false))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void confirming_issues_one_certificate_per_completed_participant_once() {
        Taught c = markedClass();
        TestAccounts.signIn(teacher);
        assertThat(fields(() -> completions.confirm(c.id()))).containsExactly("offering"); // not over yet
        afterTheLastSession(c);
        List<Completion> first = completions.confirm(c.id());
        assertThat(first).extracting(Completion::completed).containsExactly(true, true, false);
        assertThat(first.get(0).certificateCode()).isNotNull();
        assertThat(first.get(1).certificateCode()).isNotNull();
        assertThat(first.get(2).certificateCode()).isNull();
        TestAccounts.signIn(staff);
        List<Completion> again = completions.confirm(c.id());
        assertThat(again).extracting(Completion::certificateCode)
                .containsExactlyElementsOf(first.stream().map(Completion::certificateCode).toList());
        String title = catalog.offering(c.id()).orElseThrow().program().titleKo(); // other tests certify them too
        for (int i = 0; i < 3; i++) {
            assertThat(database.getCollection("certificates").countDocuments(com.mongodb.client.model.Filters.and(
                    eq("participantId", citizens.get(i).accountId()), eq("programKo", title))))
                    .isEqualTo(i < 2 ? 1 : 0);
            assertThat(database.getCollection(OutboxRepository.COLLECTION)
                    .countDocuments(eq("key", "completed:" + c.entries().get(i).value()))).isEqualTo(i < 2 ? 1 : 0);
        }

        Offering o = catalog.offering(c.id()).orElseThrow();
        long minutes = Duration.between(o.schedule().startTime(), o.schedule().endTime()).toMinutes();
        int n = c.sessions().size();
        assertThat(first.get(0).sessions()).isEqualTo(n);
        assertThat(first.get(0).hours()).isEqualTo(oneDecimal(n * minutes / 60.0)); // 7 × 50 min: 5.8, not 5.8333…
        TestAccounts.signOut();
        Verification v = certificates.verify(first.get(1).certificateCode()).orElseThrow();
        assertThat(v.valid()).isTrue();
        assertThat(v.programKo()).isEqualTo(o.program().titleKo());
        assertThat(v.hours()).isEqualTo(oneDecimal(first.get(1).sessions() * minutes / 60.0)).isPositive();
    }

    @Test
    void a_required_portfolio_holds_completion_back_until_the_instructor_accepts_it() {
        Taught c = markedClass();
        TestAccounts.signIn(staff);
        rules.setRule(catalog.offering(c.id()).orElseThrow().program().id(), new CompletionRule(2, 3, true));
        afterTheLastSession(c);
        TestAccounts.signIn(teacher);
        completions.setPortfolio(c.id(), c.entries().get(1), true);
        assertThat(completions.progress(c.id())).extracting(ParticipantProgress::portfolio)
                .containsExactly(false, true, false);
        assertThat(completions.confirm(c.id())).extracting(Completion::completed).containsExactly(false, true, false);
    }

    @Test
    void a_bad_rule_is_refused_at_its_field_and_changes_nothing() {
        Taught c = classes.taught(teacher, List.of());
        var program = catalog.offering(c.id()).orElseThrow().program().id();
        TestAccounts.signIn(staff);
        assertThat(fields(() -> rules.setRule(program, new CompletionRule(3, 2, false)))).containsExactly("numerator");
        assertThat(fields(() -> rules.setRule(program, new CompletionRule(1, 0, false))))
                .containsExactly("denominator");
        assertThat(rules.ruleOf(program)).isEqualTo(CompletionRule.NONE);
    }

    @Test
    void a_program_with_the_longest_title_the_catalog_accepts_is_confirmed_with_certificates() {
        Taught c = markedClass();
        var program = catalog.offering(c.id()).orElseThrow().program();
        String titleKo = "가".repeat(99) + " " + "나".repeat(100); // 200 characters, the catalog's most
        String titleEn = "Long English title ".repeat(16); // 304 characters: the catalog sets no limit
        TestAccounts.signIn(staff);
        var draft = org.baeum.catalog.ProgramDraft.of(program);
        catalog.saveProgram(new org.baeum.catalog.ProgramDraft(draft.id(), titleKo, titleEn, draft.descriptionKo(),
                draft.descriptionEn(), draft.domain(), draft.audience(), draft.kind(), draft.minAge(), draft.maxAge(),
                draft.branchId(), draft.instructors(), draft.fee(), draft.feeReductionsApply(), draft.format(),
                draft.accessibility(), draft.accessibilityNoteKo(), draft.accessibilityNoteEn(), draft.classification()));
        afterTheLastSession(c);
        TestAccounts.signIn(teacher);
        List<Completion> done = completions.confirm(c.id());
        assertThat(done).extracting(Completion::completed).containsExactly(true, true, false);
        TestAccounts.signOut();
        Verification v = certificates.verify(done.getFirst().certificateCode()).orElseThrow();
        assertThat(v.programKo()).isEqualTo(titleKo);
        assertThat(v.programEn()).hasSize(200).endsWith("…").startsWith("Long English title Long");
        TestAccounts.signIn(citizens.getFirst());
        assertThat(certificates.pdf(done.getFirst().certificateCode())).isPresent();
    }

    List<String> householdCompletions(BaeumUser citizen) {
        TestAccounts.signIn(staff);
        return households.ofHousehold(new org.baeum.account.AccountId(citizen.accountId())).stream()
                .map(h -> h.enrollment().id().value()).toList();
    }

    @Test
    void a_reconfirmation_that_undoes_a_completion_revokes_its_certificate_and_a_later_one_issues_anew() {
        Taught c = markedClass();
        afterTheLastSession(c);
        TestAccounts.signIn(teacher);
        String code = completions.confirm(c.id()).get(1).certificateCode();
        assertThat(code).isNotNull();
        EnrollmentId second = c.entries().get(1);
        assertThat(householdCompletions(citizens.get(1))).contains(second.value());

        TestAccounts.signIn(staff); // STAFF correct a mark: the second now has one session fewer than 2/3
        attendance.mark(c.id(), c.sessions().getFirst(), List.of(new Mark(second, AttendanceStatus.ABSENT)), null);
        List<Completion> again = completions.confirm(c.id());
        assertThat(again.get(1).completed()).isFalse();
        assertThat(again.get(1).certificateCode()).isNull();
        assertThat(completions.confirmed(c.id()).get(1).certificateCode()).isNull();
        TestAccounts.signOut();
        Verification v = certificates.verify(code).orElseThrow();
        assertThat(v.valid()).isFalse();
        assertThat(database.getCollection("certificates").find(eq("code", code)).first().getString("revokedReason"))
                .isEqualTo(Completions.WITHDRAWN);
        assertThat(householdCompletions(citizens.get(1))).doesNotContain(second.value());

        attendance.mark(c.id(), c.sessions().getFirst(), List.of(new Mark(second, AttendanceStatus.PRESENT)), null);
        String renewed = completions.confirm(c.id()).get(1).certificateCode();
        assertThat(renewed).isNotNull().isNotEqualTo(code);
        TestAccounts.signOut();
        assertThat(certificates.verify(renewed).orElseThrow().valid()).isTrue();
        assertThat(certificates.verify(code).orElseThrow().valid()).isFalse();
        assertThat(householdCompletions(citizens.get(1))).contains(second.value());
    }

    @Test
    void a_revoked_certificate_leaves_the_learning_history_and_the_hours() {
        Taught c = markedClass();
        afterTheLastSession(c);
        TestAccounts.signIn(teacher);
        List<Completion> done = completions.confirm(c.id());
        EnrollmentId first = c.entries().getFirst();
        TestAccounts.signIn(citizens.getFirst());
        assertThat(households.ofMyHousehold()).extracting(h -> h.enrollment().id()).contains(first);
        TestAccounts.signIn(staff);
        assertThat(certificates.revoke(done.getFirst().certificateCode(), "issued by mistake")).isTrue();
        assertThat(householdCompletions(citizens.getFirst())).doesNotContain(first.value());
        TestAccounts.signIn(citizens.getFirst());
        assertThat(households.ofMyHousehold()).extracting(h -> h.enrollment().id()).doesNotContain(first);
        TestAccounts.signIn(staff); // the others of the class are untouched
        assertThat(householdCompletions(citizens.get(1))).contains(c.entries().get(1).value());
    }

    @Test
    void a_claim_left_behind_by_a_dead_process_expires_and_the_certificate_is_issued_once() {
        Taught c = markedClass();
        afterTheLastSession(c);
        var stored = database.getCollection("completions");
        String first = c.entries().get(0).value();
        // the process died between the claim and the issue: the claim is there, no certificate
        stored.updateOne(eq("_id", first), com.mongodb.client.model.Updates.combine(
                com.mongodb.client.model.Updates.set("offeringId", c.id().value()),
                com.mongodb.client.model.Updates.set("certificateClaimedAt", java.util.Date.from(clock.instant()))),
                new com.mongodb.client.model.UpdateOptions().upsert(true));
        TestAccounts.signIn(teacher);
        List<Completion> now = completions.confirm(c.id());
        assertThat(now.get(0).completed()).isTrue();
        assertThat(now.get(0).certificateCode()).as("claimed a moment ago: held").isNull();
        String second = now.get(1).certificateCode();
        assertThat(second).isNotNull();

        // the process died after the issue, before storing the code: its claim is old, the certificate exists
        stored.updateOne(eq("_id", c.entries().get(1).value()), com.mongodb.client.model.Updates.combine(
                com.mongodb.client.model.Updates.unset("certificateCode"),
                com.mongodb.client.model.Updates.set("certificateClaimedAt",
                        java.util.Date.from(clock.instant().minus(Duration.ofHours(1))))));
        clock.advance(org.baeum.attendance.completion.internal.CompletionRepository.CLAIM_EXPIRY.plusMinutes(1));
        List<Completion> later = completions.confirm(c.id());
        assertThat(later.get(0).certificateCode()).as("the expired claim is taken again").isNotNull();
        assertThat(later.get(1).certificateCode()).as("the same certificate, not a second").isEqualTo(second);
        String title = catalog.offering(c.id()).orElseThrow().program().titleKo();
        for (int i = 0; i < 2; i++) {
            assertThat(database.getCollection("certificates").countDocuments(com.mongodb.client.model.Filters.and(
                    eq("participantId", citizens.get(i).accountId()), eq("programKo", title)))).isEqualTo(1);
        }
    }

    static double oneDecimal(double hours) {
        return Math.round(hours * 10) / 10.0;
    }

    @Test
    void hours_are_rounded_to_one_decimal_half_up() {
        assertThat(Completions.hours(2, 100)).isEqualTo(3.3); // not 3.3333333333333335
        assertThat(Completions.hours(7, 50)).isEqualTo(5.8);
        assertThat(Completions.hours(1, 75)).isEqualTo(1.3); // 1.25: half up
        assertThat(Completions.hours(1, 99)).isEqualTo(1.7); // 1.65
        assertThat(Completions.hours(6, 50)).isEqualTo(5.0);
        assertThat(Completions.hours(0, 50)).isZero();
    }

    static List<String> fields(Runnable call) {
        List<String> out = new ArrayList<>();
        assertThatThrownBy(call::run).isInstanceOfSatisfying(InvalidInputException.class,
                e -> e.problems().stream().map(FieldProblem::field).forEach(out::add));
        return out;
    }
}
