package org.baeum.closure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.baeum.BaeumIntegrationTest;
import org.baeum.Mailbox;
import org.baeum.MutableClock;
import org.baeum.TestAccounts;
import org.baeum.base.domain.FieldProblem;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.base.mail.SentMail;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.Role;
import org.baeum.calendar.DaysOff;
import org.baeum.calendar.Place;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.ClassSession;
import org.baeum.catalog.Offering;
import org.baeum.catalog.OfferingId;
import org.baeum.catalog.RoomSessions;
import org.baeum.closure.internal.ClosureApplier;
import org.baeum.closure.internal.ClosureCrashPoints;
import org.baeum.enrollment.CitizenEnrollments;
import org.baeum.enrollment.Enrollment;
import org.baeum.enrollment.EnrollmentDesk;
import org.baeum.enrollment.EnrollmentFixture;
import org.baeum.enrollment.PaymentState;
import org.baeum.enrollment.internal.ClosureRefundRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Closures with their consequences (decision 0043): the preview lists exactly what the due job then changes; a crash
 * half-way and a rerun finish it with one mail per person and the statute's daily pro-rata refunds; moved sessions land
 * on free days; lifting; the checks by field.
 */
@BaeumIntegrationTest
@org.junit.jupiter.api.extension.ExtendWith(org.baeum.closure.PausedClosureJob.class)
class ClosureEngineTest {

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
    RoomSessions roomSessions;
    @Autowired
    DaysOff daysOff;
    @Autowired
    CitizenEnrollments enrollments;
    @Autowired
    EnrollmentDesk enrollmentDesk;
    @Autowired
    ClosureRefundRepository closureRefunds;
    @Autowired
    org.baeum.booking.Bookables bookables;
    @Autowired
    org.baeum.booking.Bookings bookings;
    @Autowired
    List<org.baeum.base.demo.DemoDataContributor> contributors;
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
        staff = testAccounts.create("closure-staff-" + UUID.randomUUID().toString().substring(0, 6), Role.STAFF);
    }

    @AfterEach
    void reset() {
        crashPoints.crashAfter(null);
        TestAccounts.signOut();
        clock.reset();
    }

    private BaeumUser citizen() {
        return accounts.citizen("closure-" + UUID.randomUUID().toString().substring(0, 8) + "@test.baeum", "휴관시민",
                LocalDate.of(1975, 5, 5));
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

    private static ClosureRequest room(Offering o, LocalDate first, LocalDate last, LocalTime from, LocalTime to,
                                       Map<String, SessionChoice> choices) {
        return new ClosureRequest("main", o.roomId(), null, first, last, from, to, "배관 공사", "Pipe works", choices);
    }

    /** STAFF's choice for every offering the preview lists: {@code mine} for the test's own, CANCEL for any other. */
    private Map<String, SessionChoice> choices(ClosureRequest r, OfferingId mine, SessionChoice choice) {
        Map<String, SessionChoice> all = new HashMap<>();
        desk.preview(r).sessions().forEach(s -> all.put(s.offeringId(), SessionChoice.CANCEL));
        all.put(mine.value(), choice);
        return all;
    }

    private static ClosureRequest with(ClosureRequest r, Map<String, SessionChoice> choices) {
        return new ClosureRequest(r.branchId(), r.roomId(), r.facilityId(), r.firstDay(), r.lastDay(), r.fromTime(),
                r.toTime(), r.reasonKo(), r.reasonEn(), choices);
    }

    /** Runs the due job until the plan is applied (the scheduler may run it too), the clock a minute on each time. */
    private ClosurePlan applyAll(String planId) {
        for (int i = 0; i < 10; i++) {
            applier.runDue();
            ClosurePlan plan = desk.plan(planId).orElseThrow();
            if (plan.status() != ClosurePlan.Status.APPLYING) {
                return plan;
            }
            clock.advance(Duration.ofMinutes(2));
        }
        throw new AssertionError("plan " + planId + " not applied");
    }

    /** The statute's share, computed here on its own: paid × days / all days, rounded down to 10 won. */
    private static long proRata(long paid, int days, int all) {
        long exact = BigInteger.valueOf(paid).multiply(BigInteger.valueOf(days)).divide(BigInteger.valueOf(all))
                .longValueExact();
        return exact / 10 * 10;
    }

    @Test
    void a_cancel_applied_with_crashes_half_way_refunds_pro_rata_by_day_and_mails_each_person_once() {
        OfferingId id = fixture.offering(5, FEE);
        Offering o = catalog.offering(id).orElseThrow();
        List<LocalDate> days = o.sessionDates();
        BaeumUser paid1 = citizen();
        BaeumUser paid2 = citizen();
        BaeumUser unpaid = citizen();
        Enrollment e1 = enrol(paid1, id, true);
        Enrollment e2 = enrol(paid2, id, true);
        Enrollment e3 = enrol(unpaid, id, false);
        TestAccounts.signIn(staff);
        ClosureRequest bare = room(o, days.get(2), days.get(3), null, null, Map.of());
        ClosureRequest request = with(bare, choices(bare, id, SessionChoice.CANCEL));

        ClosureImpact preview = desk.preview(request);
        long expected = proRata(FEE, 2, days.size());
        assertThat(preview.sessions()).filteredOn(s -> s.offeringId().equals(id.value()))
                .extracting(ClosureImpact.SessionHit::date, ClosureImpact.SessionHit::participants,
                        ClosureImpact.SessionHit::choice, ClosureImpact.SessionHit::refund)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(days.get(2), 3, SessionChoice.CANCEL, expected),
                        org.assertj.core.groups.Tuple.tuple(days.get(3), 3, SessionChoice.CANCEL, expected));
        assertThat(preview.people()).isGreaterThanOrEqualTo(3);

        AtomicInteger crashes = new AtomicInteger();
        crashPoints.crashAfter(step -> (step == ClosureCrashPoints.Step.REFUNDS || step == ClosureCrashPoints.Step.MAIL)
                && crashes.incrementAndGet() <= 2);
        ClosurePlan declared = desk.declare(request);
        assertThat(declared.status()).isEqualTo(ClosurePlan.Status.APPLYING);
        assertThat(declared.impact()).isEqualTo(preview);
        ClosurePlan applied = applyAll(declared.id());
        assertThat(crashes.get()).as("crashed twice half-way, then finished").isGreaterThanOrEqualTo(3);

        assertThat(applied.status()).isEqualTo(ClosurePlan.Status.APPLIED);
        assertThat(catalog.offering(id).orElseThrow().sessionDates()).as("exactly the previewed days are gone")
                .containsExactlyElementsOf(days.stream().filter(d -> !d.equals(days.get(2)) && !d.equals(days.get(3)))
                        .toList());
        assertThat(closureRefunds.ofEnrollment(e1.id().value())).singleElement()
                .satisfies(r -> assertThat(r.refund().amount()).isEqualTo(expected));
        assertThat(closureRefunds.ofEnrollment(e2.id().value())).singleElement()
                .satisfies(r -> assertThat(r.refund().amount()).isEqualTo(expected));
        assertThat(closureRefunds.ofEnrollment(e3.id().value())).as("nothing paid: the fee goes down instead")
                .singleElement().satisfies(r -> {
                    assertThat(r.reduction()).isTrue();
                    assertThat(r.refund().amount()).isEqualTo(expected);
                });
        assertThat(daysOff.dayOff(days.get(2), Place.room("main", o.roomId()))).as("the calendar closes the room")
                .isPresent();

        for (BaeumUser who : List.of(paid1, paid2, unpaid)) {
            List<SentMail> notices = mailbox.to(who.getUsername()).stream()
                    .filter(m -> m.textBody().contains("배관 공사")).toList();
            assertThat(notices).as("one closure notice for " + who.getUsername()).hasSize(1);
        }
        assertThat(mailbox.to(paid1.getUsername()).stream().filter(m -> m.textBody().contains("배관 공사")).findFirst()
                .orElseThrow().textBody()).contains(String.format("%,d", expected));

        applier.runDue(); // nothing due: a rerun adds nothing
        assertThat(mailbox.to(paid2.getUsername()).stream().filter(m -> m.textBody().contains("배관 공사"))).hasSize(1);
    }

    @Test
    void moved_sessions_go_to_the_proposed_free_days_and_an_hours_closure_makes_no_day_off() {
        OfferingId id = fixture.offering(5, FEE);
        Offering o = catalog.offering(id).orElseThrow();
        LocalDate day = o.sessionDates().get(1);
        enrol(citizen(), id, true);
        TestAccounts.signIn(staff);
        ClosureRequest bare = room(o, day, day, o.schedule().startTime(), o.schedule().endTime(), Map.of());
        ClosureRequest request = with(bare, choices(bare, id, SessionChoice.MOVE));

        ClosureImpact preview = desk.preview(request);
        ClosureImpact.SessionHit hit = preview.sessions().stream().filter(s -> s.offeringId().equals(id.value()))
                .findFirst().orElseThrow();
        assertThat(hit.makeUp()).isAfter(day);
        assertThat(hit.refund()).isZero();
        assertThat(roomSessions.between("main", o.roomId(), hit.makeUp(), hit.makeUp()))
                .as("no other class in the room then").noneMatch(s -> s.start().isBefore(o.schedule().endTime())
                        && o.schedule().startTime().isBefore(s.end()));

        ClosurePlan plan = applyAll(desk.declare(request).id());
        assertThat(plan.impact()).isEqualTo(preview);
        List<LocalDate> now = catalog.offering(id).orElseThrow().sessionDates();
        assertThat(now).contains(hit.makeUp()).doesNotContain(day).hasSameSizeAs(o.sessionDates());
        List<ClassSession> then = roomSessions.between("main", o.roomId(), hit.makeUp(), hit.makeUp());
        assertThat(then).filteredOn(s -> s.start().isBefore(o.schedule().endTime())
                && o.schedule().startTime().isBefore(s.end())).extracting(s -> s.offeringId().value())
                .containsExactly(id.value());
        assertThat(daysOff.dayOff(day, Place.room("main", o.roomId()))).as("an hours closure is no day off").isEmpty();

        // planning the class again keeps the move: the day stays away, the make-up day stays
        Offering saved = catalog.offering(id).orElseThrow();
        catalog.saveOffering(new org.baeum.catalog.OfferingDraft(id, saved.program().id(), saved.termId(), saved.roomId(),
                saved.schedule().weekdays(), saved.schedule().startTime(), saved.schedule().endTime(),
                saved.schedule().firstDate(), saved.schedule().lastDate(), saved.capacity(),
                saved.recruitment().phases().stream().map(p -> new org.baeum.catalog.OfferingDraft.PhaseDraft(
                        java.time.LocalDateTime.ofInstant(p.opensAt(), SEOUL),
                        java.time.LocalDateTime.ofInstant(p.closesAt(), SEOUL), p.method())).toList()));
        assertThat(catalog.offering(id).orElseThrow().sessionDates()).containsExactlyElementsOf(now);
        assertThat(daysOff.closuresOn(day, Place.room("main", o.roomId()))).singleElement()
                .satisfies(c -> assertThat(c.fromTime()).isEqualTo(o.schedule().startTime()));
    }

    @Test
    void a_booking_in_the_closed_hours_is_cancelled_and_its_booker_mailed_once() {
        LocalDate today = LocalDate.now(clock.withZone(SEOUL));
        LocalDate day = today.plusDays(3);
        while (day.getDayOfWeek() == java.time.DayOfWeek.MONDAY) {
            day = day.plusDays(1);
        }
        LocalDate date = day;
        org.baeum.booking.Slot slot = bookables.slots("main-club-room", date).stream()
                .filter(org.baeum.booking.Slot::free).findFirst().orElseThrow();
        BaeumUser booker = citizen();
        TestAccounts.signIn(booker);
        org.baeum.booking.Booking booking = bookings.book(new org.baeum.booking.BookingRequest("main-club-room", date,
                slot.start(), slot.end(), null, 3, "독서 모임"));
        TestAccounts.signIn(staff);
        ClosureRequest bare = new ClosureRequest("main", "main-club", null, date, date, slot.start(), slot.end(),
                "배관 공사", "Pipe works", Map.of());
        Map<String, SessionChoice> all = new HashMap<>();
        desk.preview(bare).sessions().forEach(s -> all.put(s.offeringId(), SessionChoice.CANCEL));
        ClosureRequest request = with(bare, all);

        ClosureImpact preview = desk.preview(request);
        assertThat(preview.bookings()).extracting(ClosureImpact.BookingHit::bookingId).containsExactly(booking.id());
        assertThat(preview.bookings().getFirst().person()).as("masked for STAFF lists").isNotEqualTo(booker.displayName());

        ClosurePlan plan = applyAll(desk.declare(request).id());
        assertThat(plan.impact()).isEqualTo(preview);
        assertThat(bookings.booking(booking.id())).get().extracting(org.baeum.booking.Booking::status)
                .isEqualTo(org.baeum.booking.BookingStatus.CANCELLED);
        assertThat(mailbox.to(booker.getUsername()).stream().filter(m -> m.textBody().contains("배관 공사")))
                .singleElement().satisfies(m -> assertThat(m.textBody()).contains("학습동아리방"));
    }

    @Test
    void an_open_offer_whose_deadline_falls_inside_moves_to_after_the_closure() {
        OfferingId id = fixture.offering(1, FEE);
        Offering o = catalog.offering(id).orElseThrow();
        BaeumUser first = citizen();
        BaeumUser second = citizen();
        Enrollment seat = enrol(first, id, false);
        TestAccounts.signIn(second);
        Enrollment waiting = enrollments.enroll(id, null, UUID.randomUUID().toString());
        TestAccounts.signIn(first);
        enrollments.cancel(seat.id(), null);
        TestAccounts.signIn(second);
        java.time.Instant deadline = enrollments.enrollment(waiting.id()).offerExpiresAt();
        assertThat(deadline).as("the freed seat is offered").isNotNull();
        LocalDate day = LocalDate.ofInstant(deadline, SEOUL);

        TestAccounts.signIn(staff);
        ClosureRequest request = room(o, day, day.plusDays(1), null, null, Map.of());
        ClosureImpact preview = desk.preview(request);
        java.time.Instant moved = day.plusDays(2).atTime(java.time.LocalDateTime.ofInstant(deadline, SEOUL).toLocalTime())
                .atZone(SEOUL).toInstant();
        assertThat(preview.offers()).extracting(ClosureImpact.OfferHit::enrollmentId, ClosureImpact.OfferHit::deadline,
                ClosureImpact.OfferHit::newDeadline).containsExactly(org.assertj.core.groups.Tuple.tuple(
                waiting.id().value(), deadline, moved));

        applyAll(desk.declare(with(request, choices(request, id, SessionChoice.CANCEL))).id());
        TestAccounts.signIn(second);
        assertThat(enrollments.enrollment(waiting.id()).offerExpiresAt()).isEqualTo(moved);
        assertThat(mailbox.to(second.getUsername()).stream().filter(m -> m.textBody().contains("배관 공사")))
                .singleElement().satisfies(m -> assertThat(m.textBody()).contains("자리 제안"));
    }

    @Test
    void the_demo_declares_its_pool_closure_once_and_the_job_moves_the_pool_classes() {
        org.baeum.base.demo.DemoDataContributor demo = contributors.stream()
                .filter(c -> c.getClass().getSimpleName().startsWith("ClosureDemoData")).findFirst().orElseThrow();
        demo.contribute(new org.baeum.base.demo.DemoDataContributor.DemoContext("unused"));
        demo.contribute(new org.baeum.base.demo.DemoDataContributor.DemoContext("unused"));
        TestAccounts.signIn(staff);
        List<ClosurePlan> pool = desk.plans().stream().filter(p -> "main-pool".equals(p.request().facilityId())).toList();
        assertThat(pool).as("declared once").hasSize(1);
        ClosurePlan plan = applyAll(pool.getFirst().id());
        assertThat(plan.status()).isEqualTo(ClosurePlan.Status.APPLIED);
        assertThat(plan.request().reasonKo()).isEqualTo("수영장 배관 교체 공사");
        assertThat(plan.request().firstDay()).isAfter(LocalDate.now(clock.withZone(SEOUL)));
        assertThat(plan.impact().sessions()).allSatisfy(s -> {
            assertThat(s.choice()).isEqualTo(SessionChoice.MOVE);
            List<LocalDate> now = catalog.offering(new OfferingId(s.offeringId())).orElseThrow().sessionDates();
            assertThat(now).doesNotContain(s.date());
            if (s.makeUp() != null) {
                assertThat(now).contains(s.makeUp());
            }
        });
    }

    @Test
    void lifting_removes_a_closure_not_started_and_ends_a_running_one_today() {
        TestAccounts.signIn(staff);
        LocalDate today = LocalDate.now(clock.withZone(SEOUL));
        ClosureRequest later = new ClosureRequest("main", "main-gallery", null, today.plusDays(30), today.plusDays(31), null,
                null, "점검", "Maintenance", Map.of());
        ClosurePlan future = applyAll(desk.declare(later).id());
        assertThat(daysOff.closure(future.calendarClosureId())).isPresent();
        ClosurePlan lifted = desk.lift(future.id());
        assertThat(lifted.status()).isEqualTo(ClosurePlan.Status.LIFTED);
        assertThat(lifted.liftedAt()).isNotNull();
        assertThat(daysOff.closure(future.calendarClosureId())).as("removed: it had not started").isEmpty();
        assertThatThrownBy(() -> desk.lift(future.id())).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.problems()).extracting(FieldProblem::messageKey).containsExactly("closure.validation.lifted"));

        ClosureRequest running = new ClosureRequest("main", "main-gallery", null, today, today.plusDays(5), null, null,
                "점검", "Maintenance", Map.of());
        ClosurePlan started = applyAll(desk.declare(running).id());
        desk.lift(started.id());
        assertThat(daysOff.closure(started.calendarClosureId())).get()
                .satisfies(c -> assertThat(c.lastDay()).isEqualTo(LocalDate.now(clock.withZone(SEOUL))));
        assertThat(desk.plans()).extracting(ClosurePlan::id).contains(future.id(), started.id());
    }

    @Test
    void bad_fields_are_refused_by_field_and_a_hit_without_a_choice_is_refused_at_offerings() {
        TestAccounts.signIn(staff);
        LocalDate today = LocalDate.now(clock.withZone(SEOUL));
        assertThatThrownBy(() -> desk.preview(new ClosureRequest("main", "main-ll-1", "main-pool", today.plusDays(2),
                today, LocalTime.of(10, 0), null, " ", null, Map.of()))).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.problems()).extracting(FieldProblem::field)
                        .containsExactlyInAnyOrder("facilityId", "lastDay", "toTime", "reasonKo", "reasonEn"));
        assertThatThrownBy(() -> desk.preview(new ClosureRequest("main", "no-such-room", null, today, today, null, null,
                "가", "a", Map.of()))).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.problems()).extracting(FieldProblem::field).containsExactly("roomId"));

        OfferingId id = fixture.offering(5, FEE);
        Offering o = catalog.offering(id).orElseThrow();
        ClosureRequest unchosen = room(o, o.sessionDates().getFirst(), o.sessionDates().getFirst(), null, null, Map.of());
        int before = desk.plans().size();
        assertThatThrownBy(() -> desk.declare(unchosen)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.problems()).extracting(FieldProblem::field).containsExactly("offerings"));
        assertThat(desk.plans()).as("nothing stored").hasSize(before);
    }

    @Test
    void only_staff_and_admin_use_the_closure_desk() {
        LocalDate today = LocalDate.now(clock.withZone(SEOUL));
        ClosureRequest r = new ClosureRequest("main", null, "main-gym", today.plusDays(40), today.plusDays(40), null,
                null, "점검", "Maintenance", Map.of());
        for (Role role : List.of(Role.CITIZEN, Role.INSTRUCTOR)) {
            TestAccounts.signIn(accounts.create("closure-" + role.name().toLowerCase() + "-"
                    + UUID.randomUUID().toString().substring(0, 6), role));
            for (Runnable call : List.<Runnable>of(() -> desk.preview(r), () -> desk.declare(r), () -> desk.lift("x"),
                    desk::plans, () -> desk.plan("x"))) {
                assertThatThrownBy(call::run).as(role.name())
                        .isExactlyInstanceOf(org.springframework.security.authorization.AuthorizationDeniedException.class);
            }
        }
    }
}
