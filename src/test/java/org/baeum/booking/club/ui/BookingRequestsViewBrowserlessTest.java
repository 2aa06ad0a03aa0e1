package org.baeum.booking.club.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import org.baeum.BaeumIntegrationTest;
import org.baeum.DemoCatalogFixture;
import org.baeum.TestAccounts;
import org.baeum.base.demo.DemoDataContributor;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.Role;
import org.baeum.booking.Bookable;
import org.baeum.booking.BookableKind;
import org.baeum.booking.Bookables;
import org.baeum.booking.Booking;
import org.baeum.booking.BookingRequest;
import org.baeum.booking.BookingRules;
import org.baeum.booking.BookingStatus;
import org.baeum.booking.Bookings;
import org.baeum.booking.club.ClubDraft;
import org.baeum.booking.club.ClubFixture;
import org.baeum.booking.club.ClubSeries;
import org.baeum.booking.club.ClubSlots;
import org.baeum.booking.club.LearningClub;
import org.baeum.booking.club.LearningClubs;
import org.baeum.booking.club.SeriesDraft;
import org.baeum.booking.club.SeriesStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.util.AopTestUtils;

/** 예약 승인: STAFF approve a club and a club's weekly slot, and refuse an auditorium request with a reason. */
@BaeumIntegrationTest
class BookingRequestsViewBrowserlessTest extends SpringBrowserlessTest {

    static String pendingClub;
    static String series;
    static String hallBooking;

    @Autowired
    LearningClubs clubs;
    @Autowired
    ClubSlots slots;
    @Autowired
    Bookings bookings;

    @BeforeAll
    static void data(@Autowired List<DemoDataContributor> contributors, @Autowired TestAccounts accounts,
                     @Autowired ClubFixture fixture, @Autowired LearningClubs clubs, @Autowired ClubSlots slots,
                     @Autowired Bookables bookables, @Autowired Bookings bookings) {
        DemoCatalogFixture.load(contributors);
        accounts.create("requests-staff", Role.STAFF);
        Bookable room = fixture.clubRoom("req-club-room", null);
        BaeumUser waiting = fixture.citizen("대기대표");
        TestAccounts.signIn(waiting);
        pendingClub = clubs.register(new ClubDraft("민화 동아리", "전통 민화를 그립니다", "main")).id();
        BaeumUser leader = fixture.citizen("합창대표");
        LearningClub choir = fixture.approvedClub(leader, "합창 동아리");
        LocalDate first = LocalDate.now().plusDays(2);
        while (fixture.off(first)) {
            first = first.plusDays(1);
        }
        TestAccounts.signIn(leader);
        series = slots.request(new SeriesDraft(choir.id(), room.id(), first.getDayOfWeek(), LocalTime.of(14, 0),
                LocalTime.of(16, 0), first, first.plusWeeks(3))).id();
        fixture.asStaff(() -> bookables.save(new Bookable("req-hall", "main", null, BookableKind.AUDITORIUM,
                "소강당", "Auditorium", 1, new BookingRules(EnumSet.allOf(DayOfWeek.class), LocalTime.of(9, 0),
                LocalTime.of(21, 0), 120, false, 30, 60, 0, 0, 10, 150), true)));
        TestAccounts.signIn(fixture.citizen("강당신청"));
        Booking hall = bookings.book(new BookingRequest("req-hall", first, LocalTime.of(9, 0), null, null, 40,
                "합창 발표회"));
        hallBooking = hall.id();
        TestAccounts.signOut();
    }

    private static Button button(Object actions, int index) {
        return (Button) ((HorizontalLayout) actions).getComponentAt(index);
    }

    @Test
    @WithUserDetails("requests-staff")
    void staff_approve_a_club_and_a_weekly_slot_and_refuse_a_hall_request_with_a_reason() {
        BookingRequestsView view = AopTestUtils.getUltimateTargetObject(navigate(BookingRequestsView.class));
        assertThat($(H1.class).first().getText()).isEqualTo("예약 승인");

        assertThat(test(view.clubGrid).size()).isEqualTo(1);
        Button approveClub = button(test(view.clubGrid).getCellComponent(0, 4), 0);
        assertThat(approveClub.getElement().getAttribute("aria-label")).isEqualTo("승인: 민화 동아리");
        test(approveClub).click();
        assertThat(clubs.club(pendingClub).orElseThrow().status()).isEqualTo(org.baeum.booking.club.ClubStatus.APPROVED);
        assertThat(test(view.clubGrid).size()).isZero();

        assertThat(test(view.seriesGrid).size()).isEqualTo(1);
        Button approveSeries = button(test(view.seriesGrid).getCellComponent(0, 4), 0);
        assertThat(approveSeries.getElement().getAttribute("aria-label")).startsWith("승인: 합창 동아리 매주 ");
        test(approveSeries).click();
        ClubSeries approved = slots.forStaff().getFirst();
        assertThat(approved.id()).isEqualTo(series);
        assertThat(approved.status()).isEqualTo(SeriesStatus.APPROVED);
        assertThat(approved.placed()).isNotEmpty();
        assertThat(button(test(view.seriesGrid).getCellComponent(0, 4), 1).getText()).isEqualTo("조기 종료");

        assertThat(test(view.bookingGrid).size()).isEqualTo(1);
        Button refuse = button(test(view.bookingGrid).getCellComponent(0, 4), 1);
        assertThat(refuse.getElement().getAttribute("aria-label")).startsWith("거절: 소강당 ");
        test(refuse).click();
        test(view.dialog.refuse).click();
        assertThat(view.dialog.reason.getErrorMessage()).isEqualTo(view.getTranslation("validation.required"));
        assertThat(bookings.booking(hallBooking).orElseThrow().status()).isEqualTo(BookingStatus.REQUESTED);
        view.dialog.reason.setValue("같은 날 기관 행사가 있습니다");
        test(view.dialog.refuse).click();
        assertThat(bookings.booking(hallBooking).orElseThrow().status()).isEqualTo(BookingStatus.REFUSED);
        assertThat(test(view.bookingGrid).size()).isZero();
    }
}
