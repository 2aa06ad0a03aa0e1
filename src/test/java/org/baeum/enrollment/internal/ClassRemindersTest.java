package org.baeum.enrollment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.baeum.BaeumIntegrationTest;
import org.baeum.Mailbox;
import org.baeum.MutableClock;
import org.baeum.TestAccounts;
import org.baeum.account.Account;
import org.baeum.account.AccountService;
import org.baeum.account.ProfileChange;
import org.baeum.base.demo.DemoDataContributor;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.base.mail.SentMail;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.Role;
import org.baeum.base.security.SystemIdentity;
import org.baeum.calendar.Closure;
import org.baeum.calendar.ClosureDraft;
import org.baeum.calendar.ClosureScope;
import org.baeum.calendar.DaysOff;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.Offering;
import org.baeum.catalog.OfferingId;
import org.baeum.catalog.SessionChanges;
import org.baeum.enrollment.CitizenEnrollments;
import org.baeum.enrollment.ClassReminders;
import org.baeum.enrollment.Enrollment;
import org.baeum.enrollment.EnrollmentFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * Class reminders (decision 0049) with a moved clock: the evening before at STAFF's hour, one mail per household and
 * day listing all its classes, none for a session a closure cancelled or shut, none after the account opted out,
 * none twice after a crash between queuing and marking; the per-entry "every session" switch. The portal's own
 * reminder job is paused for the class, so only the test runs the clock's work.
 */
@BaeumIntegrationTest
class ClassRemindersTest {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    @Autowired
    CitizenEnrollments enrollments;
    @Autowired
    ClassReminders reminders;
    @Autowired
    ReminderDayRepository days;
    @Autowired
    CrashPoints crashPoints;
    @Autowired
    CatalogService catalog;
    @Autowired
    DaysOff daysOff;
    @Autowired
    SessionChanges sessionChanges;
    @Autowired
    AccountService accounts;
    @Autowired
    MutableClock clock;
    @Autowired
    Mailbox mailbox;

    static EnrollmentFixture fixture;
    static final List<BaeumUser> citizens = new ArrayList<>();
    static BaeumUser staff;

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
        citizens.addAll(accounts.citizens("remind", "알림", 8, LocalDate.of(1982, 4, 1)));
        staff = accounts.create("reminder-staff", Role.STAFF);
    }

    @AfterAll
    static void resume(@Autowired Scheduler scheduler) throws Exception {
        scheduler.resumeJob(ClassReminderJob.KEY);
    }

    @Autowired
    com.mongodb.client.MongoDatabase db;

    /**
     * Every day's item is forgotten before each test: the fixture's classes begin wherever the shared database has
     * room for them (seven weeks ahead in a full run), and two tests whose classes begin on the same day would
     * otherwise find that day already done.
     */
    @BeforeEach
    void freshDays() {
        db.getCollection(ReminderDayRepository.COLLECTION).deleteMany(new org.bson.Document());
    }

    @AfterEach
    void reset() {
        crashPoints.crashAfter(null);
        TestAccounts.signOut();
        clock.reset();
    }

    // ---- helpers ----

    private static String address(int citizen) {
        return "remind" + citizen + "@test.baeum";
    }

    private Enrollment enroll(int citizen, OfferingId o) {
        TestAccounts.signIn(citizens.get(citizen));
        Enrollment e = enrollments.enroll(o, null, UUID.randomUUID().toString());
        TestAccounts.signOut();
        return e;
    }

    private Offering offering(OfferingId id) {
        return catalog.offering(id).orElseThrow();
    }

    /** Offerings whose first session falls on the same day. */
    private List<OfferingId> sameFirstDay(int count) {
        for (int attempt = 0; attempt < 10; attempt++) {
            List<OfferingId> made = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                made.add(fixture.offering(10, 0));
            }
            if (made.stream().map(o -> offering(o).sessionDates().getFirst()).distinct().count() == 1) {
                return made;
            }
        }
        throw new AssertionError("No " + count + " offerings with one first day");
    }

    /** Moves the clock to {@code time} (Asia/Seoul) on {@code day}. */
    private void moveTo(LocalDate day, LocalTime time) {
        clock.reset();
        Instant target = LocalDateTime.of(day, time).atZone(SEOUL).toInstant();
        clock.advance(Duration.between(clock.instant(), target));
    }

    private int runClock() {
        return SystemIdentity.call(() -> reminders.runDue("test"));
    }

    private List<SentMail> remindersTo(int citizen) {
        return mailbox.to(address(citizen)).stream().filter(m -> m.subject().contains("수업 안내")).toList();
    }

    // ---- tests ----

    @Test
    void a_household_with_three_classes_tomorrow_gets_one_mail_listing_all_of_them_once() {
        List<OfferingId> three = sameFirstDay(3);
        three.forEach(o -> enroll(0, o));
        LocalDate first = offering(three.getFirst()).sessionDates().getFirst();

        moveTo(first.minusDays(1), LocalTime.of(17, 59));
        runClock();
        assertThat(days.status(first)).as("scheduled, not due before 18:00").contains("PENDING");
        assertThat(remindersTo(0)).isEmpty();

        moveTo(first.minusDays(1), LocalTime.of(18, 1));
        runClock();
        assertThat(days.status(first)).contains("DONE");
        List<SentMail> mails = remindersTo(0);
        assertThat(mails).hasSize(1);
        String body = mails.getFirst().textBody();
        for (OfferingId o : three) {
            assertThat(body).contains(offering(o).program().titleKo());
        }
        assertThat(body).contains("(첫 수업)").contains("/my/learning").contains("알림0");
        assertThat(mails.getFirst().subject()).contains("[배움] 내일");

        // the clock runs again, and the day's item is even run a second time: still one mail
        runClock();
        days.forget(first);
        runClock();
        assertThat(remindersTo(0)).hasSize(1);
    }

    @Test
    void no_reminder_for_a_session_a_closure_cancelled_and_a_moved_one_reminds_at_its_new_date() {
        OfferingId moved = fixture.offering(10, 0);
        enroll(1, moved);
        Offering o = offering(moved);
        LocalDate first = o.sessionDates().getFirst();
        LocalDate makeUp = o.sessionDates().getLast().plusDays(1);
        SystemIdentity.run(() -> assertThat(sessionChanges.change(moved, o.sessionDates(), List.of(),
                java.util.Map.of(first, makeUp))).isEqualTo(SessionChanges.Outcome.CHANGED));

        moveTo(first.minusDays(1), LocalTime.of(18, 1));
        runClock();
        assertThat(days.status(first)).contains("DONE");
        assertThat(remindersTo(1)).as("the first day was moved away").isEmpty();

        // the class now begins the day after: its first-session reminder goes then
        moveTo(first, LocalTime.of(18, 1));
        runClock();
        assertThat(remindersTo(1)).hasSize(1);
    }

    @Test
    void no_reminder_for_a_session_in_a_room_a_closure_shuts_that_day() {
        OfferingId shut = fixture.offering(10, 0);
        enroll(2, shut);
        Offering o = offering(shut);
        LocalDate first = o.sessionDates().getFirst();
        Closure closure = SystemIdentity.call(() -> daysOff.addClosure(new ClosureDraft(ClosureScope.ROOM, o.roomId(),
                first, first, "배관 공사", "Plumbing works")));
        try {
            moveTo(first.minusDays(1), LocalTime.of(18, 1));
            runClock();
            assertThat(days.status(first)).contains("DONE");
            assertThat(remindersTo(2)).isEmpty();
        } finally {
            SystemIdentity.run(() -> daysOff.removeClosure(closure.id()));
        }
    }

    @Test
    void no_reminder_after_the_citizen_switched_reminders_off_between_scheduling_and_sending() {
        OfferingId o = fixture.offering(10, 0);
        enroll(3, o);
        LocalDate first = offering(o).sessionDates().getFirst();
        moveTo(first.minusDays(2), LocalTime.of(19, 0));
        runClock();
        assertThat(days.status(first)).as("the day's item is scheduled").contains("PENDING");

        TestAccounts.signIn(citizens.get(3));
        Account me = accounts.myAccount();
        accounts.updateMyProfile(new ProfileChange("알림 시민", me.mobile(), me.district(), false));
        TestAccounts.signOut();

        moveTo(first.minusDays(1), LocalTime.of(18, 1));
        runClock();
        assertThat(days.status(first)).contains("DONE");
        assertThat(remindersTo(3)).isEmpty();
    }

    @Test
    void a_crash_between_queuing_and_marking_the_day_sends_none_twice() {
        OfferingId o = fixture.offering(10, 0);
        enroll(4, o);
        LocalDate first = offering(o).sessionDates().getFirst();
        moveTo(first.minusDays(1), LocalTime.of(18, 1));
        crashPoints.crashAfter(step -> step == CrashPoints.Step.REMINDERS_QUEUED);
        assertThatThrownBy(this::runClock).isInstanceOf(CrashPoints.Crash.class);
        crashPoints.crashAfter(null);
        assertThat(days.status(first)).as("queued, not marked").contains("CLAIMED");

        runClock();
        assertThat(days.status(first)).as("the claim holds until its lease runs out").contains("CLAIMED");

        clock.advance(ReminderDayRepository.LEASE.plusMinutes(1));
        runClock();
        assertThat(days.status(first)).contains("DONE");
        assertThat(remindersTo(4)).hasSize(1);
    }

    @Test
    void a_reminder_before_every_session_is_the_households_own_choice() {
        OfferingId o = fixture.offering(10, 0);
        Enrollment e = enroll(5, o);
        LocalDate second = offering(o).sessionDates().get(1);

        // another household may neither read nor change the switch
        TestAccounts.signIn(citizens.get(6));
        assertThatThrownBy(() -> reminders.setEverySession(e.id(), true)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reminders.everySession(e.id())).isInstanceOf(AccessDeniedException.class);
        TestAccounts.signIn(citizens.get(5));
        assertThat(reminders.everySession(e.id())).as("the refused call changed nothing").isFalse();

        moveTo(second.minusDays(1), LocalTime.of(18, 1));
        runClock();
        assertThat(remindersTo(5)).as("a later session without the switch").hasSize(0);

        days.forget(second);
        TestAccounts.signIn(citizens.get(5));
        reminders.setEverySession(e.id(), true);
        assertThat(reminders.everySession(e.id())).isTrue();
        TestAccounts.signOut();
        runClock();
        List<SentMail> mails = remindersTo(5);
        assertThat(mails).hasSize(1);
        assertThat(mails.getFirst().textBody()).contains(offering(o).program().titleKo()).doesNotContain("(첫 수업)");

        TestAccounts.signIn(citizens.get(5));
        reminders.setEverySession(e.id(), false);
        TestAccounts.signOut();
        moveTo(second, LocalTime.of(18, 1));
        runClock();
        assertThat(remindersTo(5)).as("switched off again: nothing for the third session").hasSize(1);
    }

    @Test
    void staff_set_the_hour_and_a_bad_one_changes_nothing() {
        TestAccounts.signIn(staff);
        assertThat(reminders.reminderHour()).isEqualTo(18);
        assertThatThrownBy(() -> reminders.changeReminderHour(24)).isInstanceOf(InvalidInputException.class);
        assertThat(reminders.reminderHour()).isEqualTo(18);
        reminders.changeReminderHour(20);
        try {
            LocalDate tomorrow = LocalDate.now(clock.withZone(SEOUL)).plusDays(1);
            assertThat(days.dueAt(tomorrow)).contains(LocalDateTime.of(tomorrow.minusDays(1), LocalTime.of(20, 0))
                    .atZone(SEOUL).toInstant());
            TestAccounts.signIn(citizens.get(7));
            assertThatThrownBy(() -> reminders.changeReminderHour(7)).isInstanceOf(AccessDeniedException.class);
        } finally {
            TestAccounts.signIn(staff);
            reminders.changeReminderHour(18);
        }
    }
}
