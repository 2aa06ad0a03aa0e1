package org.baeum.enrollment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.baeum.BaeumIntegrationTest;
import org.baeum.Mailbox;
import org.baeum.MutableClock;
import org.baeum.TestAccounts;
import org.baeum.account.AccountService;
import org.baeum.base.demo.DemoDataContributor;
import org.baeum.base.mail.SentMail;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.SystemIdentity;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.Offering;
import org.baeum.catalog.OfferingId;
import org.baeum.catalog.Program;
import org.baeum.catalog.ProgramDraft;
import org.baeum.enrollment.CitizenEnrollments;
import org.baeum.enrollment.ClassReminders;
import org.baeum.enrollment.EnrollmentFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The class reminder lists the program's 준비물 (what to bring) under its class, in the household's language, and no
 * "what to bring" line for a class that has none (decision 0049). The portal's own reminder job is paused for the class.
 */
@BaeumIntegrationTest
class ClassReminderWhatToBringTest {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    @Autowired
    CitizenEnrollments enrollments;
    @Autowired
    ClassReminders reminders;
    @Autowired
    ReminderDayRepository days;
    @Autowired
    CatalogService catalog;
    @Autowired
    AccountService accounts;
    @Autowired
    MutableClock clock;
    @Autowired
    Mailbox mailbox;

    static EnrollmentFixture fixture;
    static final List<BaeumUser> citizens = new ArrayList<>();

    @BeforeAll
    static void setUp(@Autowired List<DemoDataContributor> contributors, @Autowired TestAccounts accounts,
                      @Autowired CatalogService catalog, @Autowired MutableClock clock,
                      @Autowired Scheduler scheduler) throws Exception {
        scheduler.pauseJob(ClassReminderJob.KEY);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> scheduler.getCurrentlyExecutingJobs().stream()
                        .noneMatch(j -> j.getJobDetail().getKey().equals(ClassReminderJob.KEY)));
        org.baeum.DemoCatalogFixture.load(contributors);
        fixture = new EnrollmentFixture(catalog, clock);
        citizens.addAll(accounts.citizens("bring", "준비", 2, LocalDate.of(1979, 3, 1)));
    }

    @AfterAll
    static void resume(@Autowired Scheduler scheduler) throws Exception {
        scheduler.resumeJob(ClassReminderJob.KEY);
    }

    @AfterEach
    void reset() {
        TestAccounts.signOut();
        clock.reset();
    }

    private Offering offering(OfferingId id) {
        return catalog.offering(id).orElseThrow();
    }

    /** Two offerings whose first session falls on the same day. */
    private List<OfferingId> twoOnOneFirstDay() {
        for (int attempt = 0; attempt < 10; attempt++) {
            List<OfferingId> made = List.of(fixture.offering(10, 0), fixture.offering(10, 0));
            if (offering(made.get(0)).sessionDates().getFirst().equals(offering(made.get(1)).sessionDates().getFirst())) {
                return made;
            }
        }
        throw new AssertionError("No two offerings with one first day");
    }

    private void bring(OfferingId id, String ko, String en) {
        Program p = offering(id).program();
        ProgramDraft d = ProgramDraft.of(p);
        SystemIdentity.run(() -> catalog.saveProgram(new ProgramDraft(d.id(), d.titleKo(), d.titleEn(),
                d.descriptionKo(), d.descriptionEn(), d.domain(), d.audience(), d.kind(), d.minAge(), d.maxAge(),
                d.branchId(), d.instructors(), d.fee(), d.feeReductionsApply(), d.format(), d.accessibility(),
                d.accessibilityNoteKo(), d.accessibilityNoteEn(), d.classification(), ko, en)));
    }

    private void enroll(int citizen, OfferingId o) {
        TestAccounts.signIn(citizens.get(citizen));
        enrollments.enroll(o, null, UUID.randomUUID().toString());
        TestAccounts.signOut();
    }

    private void remindAt(LocalDate first) {
        days.forget(first);
        clock.reset();
        Instant target = LocalDateTime.of(first.minusDays(1), LocalTime.of(18, 1)).atZone(SEOUL).toInstant();
        clock.advance(Duration.between(clock.instant(), target));
        SystemIdentity.call(() -> reminders.runDue("test"));
    }

    private List<SentMail> mailsTo(int citizen, String subjectPart) {
        return mailbox.to("bring" + citizen + "@test.baeum").stream().filter(m -> m.subject().contains(subjectPart))
                .toList();
    }

    @Test
    void the_items_stand_under_the_class_that_has_them_in_the_household_language_and_nothing_under_the_other() {
        List<OfferingId> two = twoOnOneFirstDay();
        OfferingId swim = two.get(0);
        OfferingId plain = two.get(1);
        bring(swim, "수영복, 수모, 물안경", "Swimsuit, swim cap, goggles");
        assertThat(offering(swim).program().whatToBringKo()).as("the offering took over the program's items")
                .isEqualTo("수영복, 수모, 물안경");
        for (int citizen = 0; citizen < 2; citizen++) {
            enroll(citizen, swim);
            enroll(citizen, plain);
        }
        TestAccounts.signIn(citizens.get(1));
        accounts.changeMyLanguage(Locale.ENGLISH);
        TestAccounts.signOut();

        remindAt(offering(swim).sessionDates().getFirst());

        List<SentMail> korean = mailsTo(0, "수업 안내");
        assertThat(korean).hasSize(1);
        List<String> lines = korean.getFirst().textBody().lines().toList();
        String swimTitle = offering(swim).program().titleKo();
        String plainTitle = offering(plain).program().titleKo();
        int swimLine = indexOf(lines, ": " + swimTitle + ",");
        int plainLine = indexOf(lines, ": " + plainTitle + ",");
        assertThat(lines.get(swimLine + 1).strip()).isEqualTo("준비물: 수영복, 수모, 물안경");
        assertThat(lines.stream().filter(l -> l.contains("준비물")).count()).as("one line, for the swimming class only")
                .isEqualTo(1);
        assertThat(plainLine + 1 < lines.size() ? lines.get(plainLine + 1) : "").doesNotContain("준비물");

        List<SentMail> english = mailsTo(1, "Your classes tomorrow");
        assertThat(english).hasSize(1);
        String body = english.getFirst().textBody();
        assertThat(body).contains("What to bring: Swimsuit, swim cap, goggles").doesNotContain("준비물");
        assertThat(body.lines().filter(l -> l.contains("What to bring")).count()).isEqualTo(1);
    }

    private static int indexOf(List<String> lines, String part) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(part)) {
                return i;
            }
        }
        throw new AssertionError("No line with " + part + " in " + lines);
    }
}
