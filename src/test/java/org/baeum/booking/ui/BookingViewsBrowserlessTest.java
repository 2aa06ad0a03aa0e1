package org.baeum.booking.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.server.VaadinSession;
import java.time.Duration;
import java.time.LocalTime;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import org.baeum.BaeumIntegrationTest;
import org.baeum.DemoCatalogFixture;
import org.baeum.MutableClock;
import org.baeum.TestAccounts;
import org.baeum.base.demo.DemoDataContributor;
import org.baeum.base.i18n.Formats;
import org.baeum.base.i18n.UiLocale;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.Role;
import org.baeum.booking.Bookable;
import org.baeum.booking.Bookables;
import org.baeum.booking.Booking;
import org.baeum.booking.BookingRequest;
import org.baeum.booking.BookingStatus;
import org.baeum.booking.BookingTestData;
import org.baeum.booking.Bookings;
import org.baeum.booking.Slot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.util.AopTestUtils;

/**
 * The citizens' booking screens: browsing as a visitor (every slot a labelled button, sign-in to book), booking with
 * the code shown, the refusals in the dialog (taken meanwhile, group size at its field), my bookings with cancelling
 * (refused after the deadline), checking in during the first minutes, and the standing under the no-show rule.
 */
@BaeumIntegrationTest
class BookingViewsBrowserlessTest extends SpringBrowserlessTest {

    @Autowired
    MutableClock clock;
    @Autowired
    Bookables bookables;
    @Autowired
    Bookings bookings;
    @Autowired
    UiLocale uiLocale;

    static BaeumUser staff;
    /** Fresh citizens per test: a test that moves the clock leaves others' bookings as no-shows, never a ban. */
    BaeumUser citizen;
    BaeumUser other;
    static int households;
    static Bookable seats;
    static Bookable single;
    static Bookable room;

    @BeforeAll
    static void data(@Autowired List<DemoDataContributor> contributors, @Autowired TestAccounts accounts,
                     @Autowired Bookables bookables) {
        DemoCatalogFixture.load(contributors);
        staff = accounts.create("bui-staff", Role.STAFF);
        seats = BookingTestData.seats(bookables, staff, "bui-seats", 3);
        single = BookingTestData.seats(bookables, staff, "bui-single", 1);
        room = BookingTestData.room(bookables, staff, "bui-room");
    }

    @org.junit.jupiter.api.BeforeEach
    void citizens(@Autowired TestAccounts accounts) {
        households++;
        citizen = accounts.citizen("bui.citizen" + households + "@test.baeum", "화면시민", LocalDate.of(1982, 2, 2));
        other = accounts.citizen("bui.other" + households + "@test.baeum", "옆집시민", LocalDate.of(1983, 3, 3));
    }

    @AfterEach
    void reset() {
        clock.reset();
        TestAccounts.signOut();
    }

    @Test
    void a_visitor_browses_every_slot_as_a_labelled_button_and_is_sent_to_sign_in_to_book() {
        uiLocale.switchTo(UI.getCurrent(), Locale.KOREAN);
        UI.getCurrent().navigate("bookings");
        BookingView view = (BookingView) getCurrentView();
        assertThat($(H1.class).first().getText()).isEqualTo("시설 예약");
        test(view.choices.get(seats.id())).click();
        assertThat(view.choices.get(seats.id()).getElement().getAttribute("aria-pressed")).isEqualTo("true");
        Slot slot = BookingTestData.freeSlot(bookables, clock, seats.id(), 0);
        view.showDay(slot.date());
        String label = "09:00–10:00, 3자리 남음, 예약";
        assertThat(slotButtons(view)).contains(label);
        test(view.mode).click(); // the list for everyone
        assertThat(view.grid).isFalse();
        assertThat($(Button.class).all().stream().filter(b -> b.hasClassName("baeum-slot-tile"))).isEmpty();
        assertThat(slotButtons(view)).contains(label);

        test(slotButton(view, label)).click();
        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("LoginView");
    }

    @Test
    void a_citizen_books_a_seat_and_sees_the_code() {
        signIn(citizen);
        BookingView view = open(seats, BookingTestData.freeSlot(bookables, clock, seats.id(), 1));
        Slot slot = BookingTestData.freeSlot(bookables, clock, seats.id(), 1);
        test(slotButton(view, BookingTexts.slotLabel(slot))).click();
        roundTrip(); // the dialog is attached on the way to the browser
        test(view.dialog.confirm).click();

        assertThat(view.dialog.booked).isNotNull();
        assertThat(text(view.dialog)).contains("예약 번호 " + view.dialog.booked.code());
        Booking stored = bookings.booking(view.dialog.booked.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(stored.start()).isEqualTo(slot.start());
        assertThat(slotButtons(view)).contains(BookingTexts.span(slot.start(), slot.end()) + ", 2자리 남음, 예약");
    }

    @Test
    void a_slot_taken_meanwhile_and_a_wrong_group_size_are_refused_in_the_dialog_and_nothing_is_stored() {
        signIn(citizen);
        Slot slot = BookingTestData.freeSlot(bookables, clock, single.id(), 0);
        BookingView view = open(single, slot);
        test(slotButton(view, BookingTexts.slotLabel(slot))).click();
        roundTrip(); // the dialog is attached on the way to the browser
        Booking theirs = BookingTestData.as(other, () -> bookings.book(new BookingRequest(single.id(), slot.date(),
                slot.start(), null, null, 0, null)));
        test(view.dialog.confirm).click();
        assertThat(view.dialog.problem.isVisible()).isTrue();
        assertThat(view.dialog.problem.getText()).isEqualTo("이미 다른 분이 예약했습니다. 다른 시간을 골라 주세요.");
        assertThat(view.dialog.booked).isNull();
        assertThat(theirs.status()).isEqualTo(BookingStatus.CONFIRMED);

        Slot roomSlot = BookingTestData.freeSlot(bookables, clock, room.id(), 0);
        view.choose(room);
        view.showDay(roomSlot.date());
        test(slotButton(view, BookingTexts.slotLabel(roomSlot))).click();
        roundTrip();
        view.dialog.groupSize.setValue(9);
        test(view.dialog.confirm).click();
        assertThat(view.dialog.groupSize.isInvalid()).isTrue();
        assertThat(view.dialog.groupSize.getErrorMessage()).isEqualTo("이용 인원이 이 공간의 최소·최대 인원에 맞지 않습니다.");
        assertThat(bookings.mine(roomSlot.date()).stream().filter(b -> b.bookableId().equals(room.id()))).isEmpty();
    }

    @Test
    void my_bookings_show_the_code_cancel_until_the_deadline_and_the_standing() {
        signIn(citizen);
        Slot first = BookingTestData.freeSlot(bookables, clock, seats.id(), 4);
        Slot second = BookingTestData.freeSlot(bookables, clock, seats.id(), 6);
        Booking kept = book(seats, first);
        Booking late = book(seats, second);
        UI.getCurrent().navigate("my/bookings");
        MyBookingsView view = AopTestUtils.getUltimateTargetObject(getCurrentView()); // @RolesAllowed: a proxy
        assertThat($(H1.class).first().getText()).isEqualTo("내 예약");
        assertThat(text(view.upcoming)).contains(kept.code()).contains(late.code()).contains("예약됨");
        assertThat(text(view.standing)).contains("화면시민: 예약하고 오지 않은 기록이 없습니다.")
                .contains("90일 안에 예약하고 오지 않은 기록이 3번 쌓이면 30일 동안 온라인 예약을 할 수 없습니다.");

        test(cancelButton(kept)).click();
        roundTrip();
        test(button(view.dialog, "예약 취소하기")).click();
        assertThat(bookings.booking(kept.id()).orElseThrow().status()).isEqualTo(BookingStatus.CANCELLED);
        assertThat(text(view.past)).contains("취소됨");

        ZonedDateTime start = second.date().atTime(second.start()).atZone(Formats.SEOUL);
        clock.advance(Duration.between(clock.instant(), start.minusMinutes(61).toInstant()));
        view.refresh();
        assertThat(text(view.upcoming)).contains("온라인 취소 마감: " + Formats.dateTime(start.minusHours(1).toInstant(),
                Locale.KOREAN));
        Button lateCancel = cancelButton(late);
        // the page stayed open past the deadline: the service refuses, the dialog says why
        clock.advance(Duration.ofMinutes(31));
        test(lateCancel).click();
        roundTrip();
        test(button(view.dialog, "예약 취소하기")).click();
        assertThat(view.dialogProblem.getText()).isEqualTo("지금은 할 수 없습니다. 취소 마감이 지났거나 체크인 시간이 아닙니다.");
        assertThat(bookings.booking(late.id()).orElseThrow().status()).isEqualTo(BookingStatus.CONFIRMED);
        view.refresh();
        assertThat($(Button.class).all().stream().filter(x -> x.hasClassName("baeum-booking-cancel"))).isEmpty();
    }

    @Test
    void a_whole_day_booked_after_the_opening_shows_its_check_in_window_and_can_be_cancelled_until_it_closes() {
        Bookable day = BookingTestData.as(staff, () -> bookables.save(new Bookable("bui-whole-day", "main", null,
                org.baeum.booking.BookableKind.STUDY_SEAT, "종일 열람석", "Day seats", 5, new org.baeum.booking.BookingRules(
                java.util.EnumSet.allOf(java.time.DayOfWeek.class), LocalTime.of(9, 0), LocalTime.of(21, 0), 60, true, 7,
                60, 0, 0, 1, 1), true)));
        LocalDate next = LocalDate.now(clock.withZone(Formats.SEOUL)).plusDays(1);
        while (bookables.slots(day.id(), next).stream().noneMatch(Slot::free)) { // a holiday: the next open day
            next = next.plusDays(1);
        }
        LocalDate date = next;
        clock.advance(Duration.between(clock.instant(), date.atTime(13, 0).atZone(Formats.SEOUL).toInstant()));
        signIn(citizen);
        Booking b = BookingTestData.as(citizen, () -> bookings.book(new org.baeum.booking.BookingRequest(day.id(), date,
                LocalTime.of(9, 0), null, null, 0, null)));
        int grace = bookings.noShowRule().graceMinutes();
        UI.getCurrent().navigate("my/bookings");
        MyBookingsView view = AopTestUtils.getUltimateTargetObject(getCurrentView());
        java.time.Instant until = b.createdAt().plus(Duration.ofMinutes(grace));
        assertThat(text(view.upcoming)).contains("입실 확인: " + Formats.dateTime(b.createdAt(), Locale.KOREAN) + "–"
                + Formats.dateTime(until, Locale.KOREAN)).contains("온라인 취소 마감: " + Formats.dateTime(until, Locale.KOREAN));
        assertThat($(Button.class).all().stream().filter(x -> x.hasClassName("baeum-booking-check-in"))).hasSize(1);

        clock.advance(Duration.ofMinutes(grace - 1));
        view.refresh();
        test(cancelButton(b)).click();
        roundTrip();
        test(button(view.dialog, "예약 취소하기")).click();
        assertThat(bookings.booking(b.id()).orElseThrow().status()).isEqualTo(BookingStatus.CANCELLED);
    }

    @Test
    void the_booker_checks_in_from_my_bookings_in_the_first_minutes() {
        signIn(citizen);
        Slot slot = BookingTestData.freeSlot(bookables, clock, seats.id(), 8);
        Booking b = book(seats, slot);
        ZonedDateTime start = slot.date().atTime(slot.start()).atZone(Formats.SEOUL);
        clock.advance(Duration.between(clock.instant(), start.plusMinutes(5).toInstant()));
        UI.getCurrent().navigate("my/bookings");
        Button checkIn = $(Button.class).all().stream().filter(x -> x.hasClassName("baeum-booking-check-in"))
                .filter(x -> x.getElement().getAttribute("aria-label").contains(BookingTexts.span(slot.start(), slot.end())))
                .findFirst().orElseThrow();
        test(checkIn).click();
        assertThat(bookings.booking(b.id()).orElseThrow().status()).isEqualTo(BookingStatus.CHECKED_IN);
    }

    @Test
    void another_household_sees_none_of_the_bookings() {
        signIn(citizen);
        Booking mine = book(seats, BookingTestData.freeSlot(bookables, clock, seats.id(), 10));
        signIn(other);
        UI.getCurrent().navigate("my/bookings");
        MyBookingsView view = AopTestUtils.getUltimateTargetObject(getCurrentView()); // @RolesAllowed: a proxy
        assertThat(text(view.upcoming) + text(view.past)).doesNotContain(mine.code());
        assertThat(bookings.booking(mine.id())).isEmpty();
    }

    @Test
    void staff_edit_a_resource_with_the_refusals_at_the_fields_and_keep_the_no_show_rule_valid() {
        Bookable edited = BookingTestData.seats(bookables, staff, "bui-edit", 2);
        signIn(staff);
        UI.getCurrent().navigate("staff/bookables");
        StaffBookablesView view = AopTestUtils.getUltimateTargetObject(getCurrentView());
        assertThat($(H1.class).first().getText()).isEqualTo("시설 관리");
        test(labelled("시험 좌석 bui-edit 고치기")).click();
        roundTrip();
        BookableEditor editor = view.editor;
        assertThat(editor.units.getValue()).isEqualTo(2);
        editor.nameKo.setValue("");
        editor.slotMinutes.setValue(50); // 09:00–21:00 is not made of 50-minute slots
        test(editor.save).click();
        assertThat(editor.nameKo.isInvalid()).isTrue();
        assertThat(editor.slotMinutes.isInvalid()).isTrue();
        assertThat(bookables.bookable(edited.id()).orElseThrow().nameKo()).isEqualTo("시험 좌석 bui-edit");

        editor.nameKo.setValue("고친 좌석");
        editor.slotMinutes.setValue(120);
        test(editor.save).click();
        Bookable saved = bookables.bookable(edited.id()).orElseThrow();
        assertThat(saved.nameKo()).isEqualTo("고친 좌석");
        assertThat(saved.rules().slotMinutes()).isEqualTo(120);
        assertThat(text(view.list)).contains("고친 좌석");

        view.rule.get("marks").setValue(0);
        test(view.saveRule).click();
        assertThat(view.rule.get("marks").isInvalid()).isTrue();
        assertThat(bookings.noShowRule()).isEqualTo(org.baeum.booking.NoShowRule.DEFAULT);
    }

    @Test
    void staff_see_a_days_bookings_with_who_booked_and_cancel_one() {
        Bookable desk = BookingTestData.seats(bookables, staff, "bui-desk", 2);
        Slot slot = BookingTestData.freeSlot(bookables, clock, desk.id(), 0);
        Booking b = BookingTestData.as(citizen, () -> book(desk, slot));
        signIn(staff);
        UI.getCurrent().navigate("staff/bookables/" + desk.id() + "/day");
        BookableDayView view = AopTestUtils.getUltimateTargetObject(getCurrentView());
        view.date.setValue(slot.date());
        // the code masked for STAFF: the desk finds a booking by the whole code the citizen shows
        assertThat(text(view.list)).contains("화면시민").contains(Booking.maskCode(b.code())).doesNotContain(b.code())
                .doesNotContain(b.code().substring(0, 4)).contains("예약됨");
        test(labelled("화면시민 예약 취소")).click();
        assertThat(bookings.booking(b.id()).orElseThrow().status()).isEqualTo(BookingStatus.CANCELLED);
        assertThat(view.status.getText()).isEqualTo("화면시민님의 예약을 취소했습니다.");
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private BookingView open(Bookable bookable, Slot slot) {
        UI.getCurrent().navigate("bookings");
        BookingView view = (BookingView) getCurrentView();
        test(view.choices.get(bookable.id())).click();
        view.showDay(slot.date());
        return view;
    }

    private Booking book(Bookable bookable, Slot slot) {
        return bookings.book(new BookingRequest(bookable.id(), slot.date(), slot.start(), null, null, 0, null));
    }

    private List<String> slotButtons(BookingView view) {
        return $(Button.class).all().stream().filter(b -> b.hasClassName("baeum-slot-row"))
                .map(b -> b.getElement().getAttribute("aria-label")).toList();
    }

    private Button slotButton(BookingView view, String label) {
        return $(Button.class).all().stream().filter(b -> b.hasClassName("baeum-slot-row"))
                .filter(b -> label.equals(b.getElement().getAttribute("aria-label"))).findFirst()
                .orElseThrow(() -> new AssertionError("no slot button '" + label + "' in " + slotButtons(view)));
    }

    private Button cancelButton(Booking b) {
        return $(Button.class).all().stream().filter(x -> x.hasClassName("baeum-booking-cancel"))
                .filter(x -> x.getElement().getAttribute("aria-label").contains(BookingTexts.span(b.start(), b.end())))
                .filter(x -> x.getElement().getAttribute("aria-label").contains(BookingTexts.day(b.date(), Locale.KOREAN)))
                .findFirst().orElseThrow();
    }

    private Button labelled(String label) {
        return $(Button.class).all().stream().filter(b -> label.equals(b.getElement().getAttribute("aria-label")))
                .findFirst().orElseThrow(() -> new AssertionError("no button labelled " + label));
    }

    private Button button(Component in, String text) {
        return $(Button.class).all().stream().filter(b -> text.equals(b.getText())).findFirst().orElseThrow();
    }

    private static String text(Component c) {
        return c.getElement().getTextRecursively();
    }

    /** Signs in as a real sign-in does (thread and session), in a fresh browserless session built for the user. */
    private void signIn(BaeumUser user) {
        TestAccounts.signOut();
        cleanVaadinEnvironment();
        TestAccounts.signIn(user);
        initVaadinEnvironment();
        VaadinSession.getCurrent().getSession().setAttribute(
                HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, SecurityContextHolder.getContext());
        uiLocale.switchTo(UI.getCurrent(), Locale.KOREAN);
    }
}
