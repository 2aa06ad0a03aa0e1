package org.baeum.closure;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.baeum.BaeumIntegrationTest;
import org.baeum.Mailbox;
import org.baeum.MutableClock;
import org.baeum.TestAccounts;
import org.baeum.account.PersonalDataService;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.Role;
import org.baeum.calendar.DaysOff;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.Offering;
import org.baeum.catalog.OfferingId;
import org.baeum.closure.internal.ClosureApplier;
import org.baeum.closure.internal.ClosureCrashPoints;
import org.baeum.closure.internal.ClosurePlanRepository;
import org.baeum.closure.internal.ClosureWorkRepository;
import org.baeum.enrollment.CitizenEnrollments;
import org.baeum.enrollment.Enrollment;
import org.baeum.enrollment.EnrollmentDesk;
import org.baeum.enrollment.EnrollmentFixture;
import org.baeum.enrollment.PaymentState;
import org.baeum.enrollment.internal.ClosureRefundRepository;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A closure plan over its life (decision 0043): a deleted account's names and id leave the plans that keep them and
 * a plan being applied still finishes; a job that runs after the closure (and its make-up days) finishes what can
 * still be done with notes for STAFF; one that keeps failing stops as FAILED instead of retrying every minute.
 */
@BaeumIntegrationTest
@org.junit.jupiter.api.extension.ExtendWith(PausedClosureJob.class)
class ClosureLifecycleTest {

    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    static final long FEE = 30_000;

    @Autowired
    ClosureDesk desk;
    @Autowired
    ClosureApplier applier;
    @Autowired
    ClosureCrashPoints crashPoints;
    @Autowired
    CatalogService catalog;
    @Autowired
    CitizenEnrollments enrollments;
    @Autowired
    EnrollmentDesk enrollmentDesk;
    @Autowired
    PersonalDataService personalData;
    @Autowired
    ClosureRefundRepository refunds;
    @Autowired
    DaysOff daysOff;
    @Autowired
    MongoDatabase database;
    @Autowired
    MutableClock clock;
    @Autowired
    Mailbox mailbox;

    static EnrollmentFixture fixture;
    static BaeumUser staff;
    static TestAccounts accounts;

    @BeforeAll
    static void data(@Autowired TestAccounts testAccounts, @Autowired CatalogService catalog, @Autowired MutableClock clock,
                     @Autowired List<org.baeum.base.demo.DemoDataContributor> contributors) {
        org.baeum.DemoCatalogFixture.load(contributors);
        fixture = new EnrollmentFixture(catalog, clock);
        accounts = testAccounts;
        staff = testAccounts.create("life-staff-" + UUID.randomUUID().toString().substring(0, 6), Role.STAFF);
    }

    @AfterEach
    void reset() {
        crashPoints.crashAfter(null);
        TestAccounts.signOut();
        clock.reset();
    }

    private BaeumUser citizen(String name) {
        return accounts.citizen("life-" + UUID.randomUUID().toString().substring(0, 8) + "@test.baeum", name,
                LocalDate.of(1968, 8, 8));
    }

    private Enrollment enrol(BaeumUser citizen, OfferingId o, boolean pay) {
        TestAccounts.signIn(citizen);
        Enrollment e = enrollments.enroll(o, null, UUID.randomUUID().toString());
        if (pay) {
            TestAccounts.signIn(staff);
            enrollmentDesk.recordPayment(e.id(), PaymentState.PAID, "카드");
        }
        return e;
    }

    /** Declares a room closure over two class days with {@code choice} for the test's offering, CANCEL for others. */
    private ClosurePlan declare(Offering o, SessionChoice choice) {
        TestAccounts.signIn(staff);
        LocalDate first = o.sessionDates().get(1);
        LocalDate last = o.sessionDates().get(2);
        ClosureRequest bare = new ClosureRequest("main", o.roomId(), null, first, last, null, null, "보일러 교체",
                "Boiler works", Map.of());
        Map<String, SessionChoice> all = new HashMap<>();
        desk.preview(bare).sessions().forEach(s -> all.put(s.offeringId(), SessionChoice.CANCEL));
        all.put(o.id().value(), choice);
        return desk.declare(new ClosureRequest("main", o.roomId(), null, first, last, null, null, "보일러 교체",
                "Boiler works", all));
    }

    private ClosurePlan runUntilDone(String planId, int runs) {
        for (int i = 0; i < runs; i++) {
            applier.runDue();
            ClosurePlan plan = desk.plan(planId).orElseThrow();
            if (plan.status() != ClosurePlan.Status.APPLYING) {
                return plan;
            }
            clock.advance(Duration.ofMinutes(2));
        }
        return desk.plan(planId).orElseThrow();
    }

    private String planJson(String planId) {
        return database.getCollection(ClosurePlanRepository.COLLECTION).find(Filters.eq("_id", planId)).first().toJson();
    }

    @Test
    void a_deleted_account_leaves_no_name_or_id_in_a_plan_being_applied_which_still_finishes() {
        OfferingId id = fixture.offering(5, FEE);
        Offering o = catalog.offering(id).orElseThrow();
        BaeumUser leaving = citizen("탈퇴예정");
        BaeumUser staying = citizen("남는시민");
        enrol(leaving, id, true);
        Enrollment kept = enrol(staying, id, true);
        // the job crashes after its first step, so the plan is half applied when the account goes
        crashPoints.crashAfter(step -> step == ClosureCrashPoints.Step.CALENDAR);
        ClosurePlan plan = declare(o, SessionChoice.CANCEL);
        applier.runDue();
        crashPoints.crashAfter(null);
        assertThat(desk.plan(plan.id()).orElseThrow().status()).isEqualTo(ClosurePlan.Status.APPLYING);
        assertThat(planJson(plan.id())).contains(leaving.accountId(), "탈퇴예정");

        TestAccounts.signIn(leaving);
        assertThat(personalData.myData().get("closures")).as("in the personal-data download").singleElement()
                .satisfies(row -> {
                    assertThat(row.get("closure")).isEqualTo(plan.id());
                    assertThat(row.get("participants").toString()).contains("탈퇴예정");
                });
        personalData.deleteMyAccount(TestAccounts.PASSWORD);
        TestAccounts.signIn(staff);

        assertThat(planJson(plan.id())).doesNotContain(leaving.accountId()).doesNotContain("탈퇴예정")
                .contains(staying.accountId(), "남는시민");
        clock.advance(Duration.ofMinutes(2));
        ClosurePlan done = runUntilDone(plan.id(), 10);
        assertThat(done.status()).as("the job still finishes").isEqualTo(ClosurePlan.Status.APPLIED);
        assertThat(refunds.ofEnrollment(kept.id().value())).singleElement()
                .satisfies(r -> assertThat(r.reduction()).isFalse());
        assertThat(mailbox.to(staying.getUsername()).stream().filter(m -> m.textBody().contains("보일러 교체")))
                .hasSize(1);
        assertThat(mailbox.to(leaving.getUsername()).stream().filter(m -> m.textBody().contains("보일러 교체")))
                .as("no mail to an account that is gone").isEmpty();
    }

    @Test
    void a_job_running_after_the_closure_and_its_make_up_days_finishes_what_it_can_with_notes_for_staff() {
        OfferingId id = fixture.offering(5, FEE);
        Offering o = catalog.offering(id).orElseThrow();
        Enrollment paid = enrol(citizen("늦은시민"), id, true);
        ClosurePlan plan = declare(o, SessionChoice.MOVE);
        assertThat(plan.impact().sessions()).filteredOn(s -> s.offeringId().equals(id.value()))
                .allSatisfy(s -> assertThat(s.makeUp()).isNotNull());
        LocalDate lastMakeUp = plan.impact().sessions().stream().filter(s -> s.offeringId().equals(id.value()))
                .map(ClosureImpact.SessionHit::makeUp).max(LocalDate::compareTo).orElseThrow();
        // the portal was down: the job first runs after the closure and its make-up days
        clock.advance(Duration.ofDays(java.time.temporal.ChronoUnit.DAYS.between(
                LocalDate.now(clock.withZone(SEOUL)), lastMakeUp) + 1));
        int[] crashes = {1}; // and its first run crashes right after turning the passed make-ups into cancellations
        crashPoints.crashAfter(step -> step == ClosureCrashPoints.Step.MAKE_UPS && crashes[0]-- > 0);

        ClosurePlan done = runUntilDone(plan.id(), 3);
        assertThat(done.status()).isEqualTo(ClosurePlan.Status.APPLIED);
        assertThat(done.notes()).containsExactlyInAnyOrder(ClosurePlan.NOTE_CALENDAR_PAST, ClosurePlan.NOTE_MAKE_UP_PAST);
        assertThat(done.calendarClosureId()).as("the calendar refuses past days: none added").isNull();
        List<LocalDate> now = catalog.offering(id).orElseThrow().sessionDates();
        assertThat(now).as("the closed days are cancelled, no session put on a day that has passed")
                .doesNotContain(o.sessionDates().get(1), o.sessionDates().get(2)).doesNotContain(lastMakeUp)
                .hasSize(o.sessionDates().size() - 2);
        assertThat(refunds.ofEnrollment(paid.id().value())).singleElement()
                .satisfies(r -> assertThat(r.refund().count()).isEqualTo(2));
        Document item = database.getCollection(ClosureWorkRepository.COLLECTION).find(Filters.eq("_id", plan.id())).first();
        assertThat(item.getString("status")).as("not retried").isEqualTo("DONE");
    }

    @Test
    void a_plan_that_keeps_failing_stops_as_failed_instead_of_retrying_every_minute() {
        OfferingId id = fixture.offering(5, FEE);
        Offering o = catalog.offering(id).orElseThrow();
        enrol(citizen("실패시민"), id, false);
        crashPoints.crashAfter(step -> step == ClosureCrashPoints.Step.MAIL); // every attempt fails at its first mail
        ClosurePlan plan = declare(o, SessionChoice.CANCEL);

        ClosurePlan after = runUntilDone(plan.id(), 15);
        assertThat(after.status()).isEqualTo(ClosurePlan.Status.FAILED);
        Document item = database.getCollection(ClosureWorkRepository.COLLECTION).find(Filters.eq("_id", plan.id())).first();
        assertThat(item.getString("status")).isEqualTo("FAILED");
        assertThat(item.get("attempts", Number.class).intValue()).isEqualTo(10);
        clock.advance(Duration.ofHours(1));
        applier.runDue();
        assertThat(database.getCollection(ClosureWorkRepository.COLLECTION).find(Filters.eq("_id", plan.id())).first()
                .get("attempts", Number.class).intValue()).as("not tried again").isEqualTo(10);
    }

    @Test
    void a_last_attempt_that_fails_after_its_lease_ran_out_leaves_the_plan_to_the_instance_holding_it() {
        OfferingId id = fixture.offering(5, FEE);
        Offering o = catalog.offering(id).orElseThrow();
        enrol(citizen("임대시민"), id, false);
        var other = new org.baeum.base.scheduling.DueWork<>(database.getCollection(ClosureWorkRepository.COLLECTION),
                clock, Duration.ofMinutes(5));
        ClosurePlan plan = declare(o, SessionChoice.CANCEL);
        boolean[] slow = {false};
        crashPoints.crashAfter(step -> {
            if (step == ClosureCrashPoints.Step.MAIL && slow[0]) {
                // this attempt is so slow that its lease runs out and another instance claims the plan
                clock.advance(Duration.ofMinutes(6));
                assertThat(other.claim(plan.id(), "other-instance")).isPresent();
            }
            return step == ClosureCrashPoints.Step.MAIL; // every attempt fails at its first mail
        });
        for (int i = 1; i < 10; i++) { // ClosureApplier.MAX_ATTEMPTS
            applier.runDue();
            clock.advance(Duration.ofMinutes(2));
        }
        slow[0] = true;
        applier.runDue(); // the last attempt fails, but the item is no longer its own

        assertThat(desk.plan(plan.id()).orElseThrow().status()).as("not FAILED under the instance applying it")
                .isEqualTo(ClosurePlan.Status.APPLYING);
        Document item = database.getCollection(ClosureWorkRepository.COLLECTION).find(Filters.eq("_id", plan.id())).first();
        assertThat(item.getString("status")).isEqualTo("CLAIMED");
        assertThat(item.getString("owner")).isEqualTo("other-instance");
    }
}
