package org.baeum.scale;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static org.assertj.core.api.Assertions.assertThat;
import static org.baeum.scale.TwoInstances.as;
import static org.baeum.scale.TwoInstances.enroll;
import static org.baeum.scale.TwoInstances.read;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.baeum.attendance.Attendance;
import org.baeum.attendance.AttendanceClasses;
import org.baeum.attendance.AttendanceStatus;
import org.baeum.attendance.Mark;
import org.baeum.attendance.completion.CompletionRule;
import org.baeum.attendance.completion.CompletionRules;
import org.baeum.base.security.BaeumUser;
import org.baeum.booking.Bookable;
import org.baeum.booking.BookingRequest;
import org.baeum.booking.Bookings;
import org.baeum.booking.internal.BookingFixture;
import org.baeum.catalog.Offering;
import org.baeum.catalog.OfferingId;
import org.baeum.closure.ClosureDesk;
import org.baeum.closure.ClosurePlan;
import org.baeum.closure.ClosureRequest;
import org.baeum.closure.SessionChoice;
import org.baeum.enrollment.CitizenEnrollments;
import org.baeum.enrollment.Enrollment;
import org.baeum.enrollment.EnrollmentDesk;
import org.baeum.enrollment.EnrollmentStatus;
import org.baeum.enrollment.HistoryItem;
import org.baeum.enrollment.OfferingDesk;
import org.baeum.recruitment.Applications;
import org.baeum.recruitment.Round;
import org.baeum.recruitment.RoundFixture;
import org.baeum.recruitment.RoundService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
/**
 * Two instances on one database, the timed jobs (decision 0053): each fired on both instances' schedulers at the same
 * moment (offer expiry, class and booking reminders, the draw and its placement, a closure, the completion sweep)
 * does its work once, and its mail is sent once.
 */
class TwoInstanceJobsTest extends TwoInstancesBase {

    @Test
    void an_offer_that_runs_out_is_expired_and_passed_on_once_when_both_instances_run_the_job() throws Exception {
        OfferingId offering = fixture.offering(1, 0);
        List<BaeumUser> line = accounts.citizens("expiry", "기한", 3, LocalDate.of(1981, 1, 1));
        Enrollment first = enroll(a, line.get(0), offering);
        Enrollment second = enroll(b, line.get(1), offering);
        Enrollment third = enroll(a, line.get(2), offering);
        as(line.get(0), () -> b.getBean(CitizenEnrollments.class).cancel(first.id(), null));
        assertThat(read(a, line.get(1), second).status()).isEqualTo(EnrollmentStatus.OFFERED);
        on.deliverOnBothAndCheckEachMailWentOnce();

        advance(Duration.ofHours(24).plusSeconds(1));
        Instant moved = clock.instant().minusSeconds(1);
        on.runOnBothAtOnce("enrollment-due-work");

        Enrollment expired = read(b, line.get(1), second);
        Enrollment offered = read(a, line.get(2), third);
        assertThat(expired.status()).isEqualTo(EnrollmentStatus.EXPIRED);
        assertThat(offered.status()).isEqualTo(EnrollmentStatus.OFFERED);
        assertThat(expired.history()).extracting(HistoryItem::what).containsOnlyOnce("EXPIRED");
        assertThat(offered.history()).extracting(HistoryItem::what).containsExactly("WAITLISTED", "OFFERED");
        assertThat(on.outbox().countDocuments(and(eq("toAddress", "expiry2@test.baeum"), gte("createdAt", moved))))
                .as("one offer mail queued for the next in line").isEqualTo(1);
        on.deliverOnBothAndCheckEachMailWentOnce();
    }

    @Test
    void class_reminders_fired_on_both_instances_send_one_mail_per_household() throws Exception {
        OfferingId offering = fixture.offering(10, 0);
        List<BaeumUser> two = accounts.citizens("remind", "알림", 2, LocalDate.of(1983, 1, 1));
        enroll(a, two.get(0), offering);
        enroll(b, two.get(1), offering);
        LocalDate first = offering(offering).sessionDates().getFirst();
        assertThat(first).as("the class starts after today").isAfter(LocalDate.now(clock.withZone(SEOUL)));

        moveTo(LocalDateTime.of(first.minusDays(1), LocalTime.of(18, 1)));
        on.runOnBothAtOnce("class-reminders");
        on.runOnBothAtOnce("class-reminders");
        on.deliverOnBothAndCheckEachMailWentOnce();

        for (BaeumUser citizen : two) {
            assertThat(on.received(citizen.getUsername(), "수업 안내")).as("reminders to %s", citizen.getUsername()).hasSize(1);
        }
    }

    @Test
    void booking_reminders_fired_on_both_instances_send_one_day_before_mail_per_household(
            @Autowired BookingFixture bookingFixture) throws Exception {
        Bookable seats = bookingFixture.seats("two-instances-seats", 3, 0, 0);
        LocalDate day = bookingFixture.openDay(2);
        List<BaeumUser> bookers = accounts.citizens("booker", "예약", 2, LocalDate.of(1988, 3, 3));
        for (int i = 0; i < bookers.size(); i++) {
            ApplicationContext instance = on.split(i);
            LocalTime hour = LocalTime.of(10 + i, 0);
            as(bookers.get(i), () -> instance.getBean(Bookings.class)
                    .book(new BookingRequest(seats.id(), day, hour, null, null, 0, null)));
        }

        moveTo(LocalDateTime.of(day.minusDays(1), LocalTime.of(18, 1)));
        on.runOnBothAtOnce("booking-reminders");
        on.runOnBothAtOnce("booking-reminders");
        on.deliverOnBothAndCheckEachMailWentOnce();

        for (BaeumUser booker : bookers) {
            assertThat(on.received(booker.getUsername(), "내일 예약이")).as("day-before mail to %s", booker.getUsername())
                    .hasSize(1);
        }
    }

    @Test
    void the_draw_fired_on_both_instances_is_drawn_once_and_placed_once() throws Exception {
        List<OfferingId> offerings = List.of(fixture.offering(1, 0), fixture.offering(1, 0));
        Round round = new RoundFixture(a.getBean(RoundService.class), clock, staff()).open("TWO", offerings);
        List<BaeumUser> applicants = accounts.citizens("draw", "추첨", 4, LocalDate.of(1984, 1, 1));
        for (int i = 0; i < applicants.size(); i++) {
            ApplicationContext instance = on.split(i);
            as(applicants.get(i), () -> instance.getBean(Applications.class).apply(round.id(), null, offerings, false));
        }

        advance(Duration.ofDays(1)); // an hour after the lottery closed
        on.runOnBothAtOnce("recruitment-draws");
        assertThat(database.getCollection("round_draws").countDocuments(eq("_id", round.id().value())))
                .as("one stored draw").isEqualTo(1);
        Object drawnAt = database.getCollection("rounds").find(eq("_id", round.id().value())).first().get("drawnAt");
        assertThat(drawnAt).as("the round is drawn").isNotNull();

        on.runOnBothAtOnce("enrollment-due-work"); // the placement of the results
        on.runOnBothAtOnce("recruitment-draws");
        assertThat(database.getCollection("rounds").find(eq("_id", round.id().value())).first().get("drawnAt"))
                .as("a later run keeps the draw").isEqualTo(drawnAt);
        List<Enrollment> entries = new ArrayList<>();
        for (OfferingId offering : offerings) {
            OfferingDesk desk = as(staff(), () -> b.getBean(EnrollmentDesk.class).desk(offering));
            assertThat(desk.taken()).as("a winner holds the one seat").isEqualTo(1);
            List<Enrollment> all = new ArrayList<>(desk.enrolled());
            all.addAll(desk.offers());
            all.addAll(desk.waitlist());
            assertThat(all).extracting(Enrollment::participant).as("nobody placed twice in one offering").doesNotHaveDuplicates();
            assertThat(desk.waitlist()).extracting(e -> e.line().waitlistPosition())
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, desk.waitlist().size()).boxed().toList());
            entries.addAll(all);
        }
        assertThat(entries).as("the results were placed").isNotEmpty();
        on.deliverOnBothAndCheckEachMailWentOnce();
    }

    @Test
    void a_closure_applied_by_both_instances_cancels_its_sessions_and_tells_each_person_once() throws Exception {
        OfferingId offering = fixture.offering(5, 0);
        Offering o = offering(offering);
        List<LocalDate> days = o.sessionDates();
        List<BaeumUser> people = accounts.citizens("closure", "휴관", 3, LocalDate.of(1975, 5, 5));
        for (int i = 0; i < people.size(); i++) {
            enroll(on.split(i), people.get(i), offering);
        }
        ClosureDesk desk = a.getBean(ClosureDesk.class);
        ClosurePlan declared = as(staff(), () -> {
            ClosureRequest bare = new ClosureRequest("main", o.roomId(), null, days.get(2), days.get(3), null, null,
                    "두 인스턴스 공사", "Works for two instances", Map.of());
            Map<String, SessionChoice> choices = new HashMap<>();
            desk.preview(bare).sessions().forEach(s -> choices.put(s.offeringId(), SessionChoice.CANCEL));
            return desk.declare(new ClosureRequest(bare.branchId(), bare.roomId(), null, bare.firstDay(), bare.lastDay(),
                    null, null, bare.reasonKo(), bare.reasonEn(), choices));
        });

        ClosurePlan plan = declared;
        for (int i = 0; i < 10 && plan.status() == ClosurePlan.Status.APPLYING; i++) {
            on.runOnBothAtOnce("closure-apply");
            plan = as(staff(), () -> desk.plan(declared.id()).orElseThrow());
            advance(Duration.ofMinutes(2));
        }

        assertThat(plan.status()).isEqualTo(ClosurePlan.Status.APPLIED);
        assertThat(offering(offering).sessionDates()).as("exactly the closed days are gone")
                .containsExactlyElementsOf(days.stream().filter(d -> !d.equals(days.get(2)) && !d.equals(days.get(3))).toList());
        on.runOnBothAtOnce("closure-apply");
        on.deliverOnBothAndCheckEachMailWentOnce();
        for (BaeumUser person : people) {
            assertThat(on.received(person.getUsername(), "두 인스턴스 공사")).as("closure notices to %s", person.getUsername())
                    .hasSize(1);
        }
    }

    @Test
    void the_completion_sweep_run_by_both_instances_makes_one_due_item_and_one_mail(@Autowired AttendanceClasses classes)
            throws Exception {
        AttendanceClasses.Cast cast = classes.fresh().cast("two", "수료", 2, LocalDate.of(1953, 2, 1));
        AttendanceClasses.Taught taught = classes.taught(cast.teacher(), cast.citizens());
        as(cast.staff(), () -> {
            a.getBean(CompletionRules.class).setRule(offering(taught.id()).program().id(), new CompletionRule(1, 2, false));
            for (LocalDate day : taught.sessions()) {
                a.getBean(Attendance.class).mark(taught.id(), day, List.of(new Mark(taught.entries().get(0),
                        AttendanceStatus.PRESENT), new Mark(taught.entries().get(1), AttendanceStatus.ABSENT)), null);
            }
            return null;
        });
        moveTo(LocalDateTime.of(taught.sessions().getLast().plusDays(1), LocalTime.of(10, 0)));

        on.runOnBothAtOnce("completion-sweep");
        on.runOnBothAtOnce("completion-sweep");

        assertThat(database.getCollection("completion_due").countDocuments(eq("_id", taught.id().value())))
                .as("one due item").isEqualTo(1);
        String key = "completion-due:" + taught.id().value() + ":" + cast.teacher().accountId();
        assertThat(on.outbox().countDocuments(eq("key", key))).as("one mail to the instructor").isEqualTo(1);
        on.deliverOnBothAndCheckEachMailWentOnce();
    }

}
