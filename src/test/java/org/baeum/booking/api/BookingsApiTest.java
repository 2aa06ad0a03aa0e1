package org.baeum.booking.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import org.baeum.BaeumIntegrationTest;
import org.baeum.DemoCatalogFixture;
import org.baeum.MutableClock;
import org.baeum.TestAccounts;
import org.baeum.base.demo.DemoDataContributor;
import org.baeum.base.i18n.Formats;
import org.baeum.base.security.ApiTokens;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.Role;
import org.baeum.booking.Bookable;
import org.baeum.booking.Bookables;
import org.baeum.booking.BookingStatus;
import org.baeum.booking.Bookings;
import org.baeum.booking.BookingTestData;
import org.baeum.booking.NoShowRule;
import org.baeum.booking.Slot;
import org.baeum.booking.internal.BookingSweep;
import org.baeum.calendar.ClosureDraft;
import org.baeum.calendar.ClosureScope;
import org.baeum.calendar.DaysOff;
import org.baeum.catalog.ClassSession;
import org.baeum.catalog.RoomSessions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The booking contract for apps: the public facility list and day grid, booking (201 with the code and Location),
 * every refusal with its reason (409 taken, quota, banned with the ban's end, closed, conflict; 400 at the field),
 * cancelling and checking in, and another household's booking answered exactly as one that does not exist.
 */
@BaeumIntegrationTest
class BookingsApiTest {

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    ApiTokens tokens;
    @Autowired
    Bookables bookables;
    @Autowired
    Bookings bookings;
    @Autowired
    TestAccounts accounts;

    static BaeumUser staff;
    /** Fresh citizens per test: a test that moves the clock leaves others' bookings as no-shows, never a ban. */
    BaeumUser a;
    BaeumUser b;
    static int households;
    static Bookable seats;
    static Bookable single;
    static Bookable room;

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void data(@Autowired List<DemoDataContributor> contributors, @Autowired TestAccounts accounts,
                     @Autowired Bookables bookables) {
        DemoCatalogFixture.load(contributors);
        staff = accounts.create("bapi-staff", Role.STAFF);
        seats = BookingTestData.seats(bookables, staff, "bapi-seats", 3);
        single = BookingTestData.seats(bookables, staff, "bapi-single", 1);
        room = BookingTestData.room(bookables, staff, "bapi-room");
    }

    @org.junit.jupiter.api.BeforeEach
    void citizens() {
        households++;
        a = accounts.citizen("bapi.a" + households + "@test.baeum", "예약시민", LocalDate.of(1975, 4, 4));
        b = accounts.citizen("bapi.b" + households + "@test.baeum", "다른예약", LocalDate.of(1976, 5, 5));
    }

    @AfterEach
    void reset() {
        clock.reset();
        TestAccounts.signOut();
    }

    @Test
    void anyone_lists_the_facilities_and_a_days_grid_in_their_language() throws Exception {
        JsonNode list = json.readTree(send("GET", "/api/v1/facilities", null, null, "ko").body());
        JsonNode mine = find(list, seats.id());
        assertThat(mine.get("kind").asString()).isEqualTo("DIGITAL_SEAT");
        assertThat(mine.get("name").asString()).isEqualTo("시험 좌석 bapi-seats");
        assertThat(mine.get("branchId").asString()).isEqualTo("main");
        assertThat(mine.get("units").asInt()).isEqualTo(3);
        assertThat(find(json.readTree(send("GET", "/api/v1/facilities", null, null, "en").body()), seats.id())
                .get("name").asString()).isEqualTo("Test seats bapi-seats");

        Slot free = BookingTestData.freeSlot(bookables, clock, seats.id(), 0);
        HttpResponse<String> grid = send("GET", "/api/v1/facilities/" + seats.id() + "/slots?date=" + free.date(), null,
                null, "ko");
        assertThat(grid.statusCode()).isEqualTo(200);
        JsonNode first = json.readTree(grid.body()).get(0);
        assertThat(first.get("start").asString()).isEqualTo("09:00");
        assertThat(first.get("end").asString()).isEqualTo("10:00");
        assertThat(json.readTree(grid.body())).hasSize(12);

        HttpResponse<String> unknown = send("GET", "/api/v1/facilities/no-such/slots?date=" + free.date(), null, null, "ko");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json.readTree(unknown.body()).get("error").asString()).isEqualTo("not_found");
        assertThat(send("GET", "/api/v1/facilities/" + seats.id() + "/slots", null, null, "ko").statusCode())
                .isEqualTo(400);
    }

    @Test
    void a_citizen_books_sees_and_cancels_and_the_grid_follows() throws Exception {
        Slot slot = BookingTestData.freeSlot(bookables, clock, seats.id(), 1);
        String token = token(a);
        HttpResponse<String> booked = send("POST", "/api/v1/bookings", token, body(seats.id(), slot.date(), slot.start(),
                null), "ko");
        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
        JsonNode it = json.readTree(booked.body());
        String id = it.get("id").asString();
        assertThat(booked.headers().firstValue("Location")).contains("/api/v1/bookings/" + id);
        assertThat(it.get("facilityId").asString()).isEqualTo(seats.id());
        assertThat(it.get("date").asString()).isEqualTo(slot.date().toString());
        assertThat(it.get("start").asString()).isEqualTo(BookingTexts(slot.start()));
        assertThat(it.get("end").asString()).isEqualTo(BookingTexts(slot.end()));
        assertThat(it.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(it.get("code").asString()).isNotBlank();
        java.time.Instant startAt = slot.date().atTime(slot.start()).atZone(org.baeum.base.i18n.Formats.SEOUL).toInstant();
        assertThat(java.time.Instant.parse(it.get("cancelUntil").asString())).isEqualTo(startAt.minusSeconds(3600));
        assertThat(java.time.Instant.parse(it.get("checkInUntil").asString()))
                .isEqualTo(startAt.plusSeconds(60L * bookings.noShowRule().graceMinutes()));
        assertThat(left(seats, slot)).isEqualTo(2);

        JsonNode mine = json.readTree(send("GET", "/api/v1/me/bookings", token, null, "ko").body());
        assertThat(mine.findValuesAsString("id")).contains(id);
        HttpResponse<String> own = send("GET", "/api/v1/bookings/" + id, token, null, "ko");
        assertThat(own.statusCode()).isEqualTo(200);
        String code = it.get("code").asString();
        assertThat(json.readTree(own.body()).get("code").asString()).isEqualTo(code);
        assertThat(mine.findValuesAsString("code")).contains(code);
        // STAFF read the booking with its code masked: only the booker sees it whole
        HttpResponse<String> staffView = send("GET", "/api/v1/bookings/" + id, token(staff), null, "ko");
        assertThat(staffView.statusCode()).isEqualTo(200);
        assertThat(json.readTree(staffView.body()).get("code").asString())
                .isEqualTo("\u2022\u2022\u2022\u2022" + code.substring(code.length() - 2));

        HttpResponse<String> cancelled = send("DELETE", "/api/v1/bookings/" + id, token, null, "ko");
        assertThat(cancelled.statusCode()).isEqualTo(200);
        assertThat(json.readTree(cancelled.body()).get("status").asString()).isEqualTo("CANCELLED");
        assertThat(left(seats, slot)).isEqualTo(3);
    }

    @Test
    void another_households_booking_is_answered_exactly_as_one_that_does_not_exist() throws Exception {
        Slot slot = BookingTestData.freeSlot(bookables, clock, seats.id(), 2);
        String id = json.readTree(send("POST", "/api/v1/bookings", token(a), body(seats.id(), slot.date(), slot.start(),
                null), "ko").body()).get("id").asString();
        String other = token(b);
        for (String method : List.of("GET", "DELETE")) {
            HttpResponse<String> theirs = send(method, "/api/v1/bookings/" + id, other, null, "ko");
            HttpResponse<String> none = send(method, "/api/v1/bookings/no-such-booking", other, null, "ko");
            assertThat(theirs.statusCode()).as(method).isEqualTo(404);
            assertThat(theirs.body()).as(method).isEqualTo(none.body());
            assertThat(json.readTree(theirs.body()).get("error").asString()).isEqualTo("not_found");
        }
        HttpResponse<String> checkIn = send("POST", "/api/v1/bookings/" + id + "/check-in", other, null, "ko");
        assertThat(checkIn.statusCode()).isEqualTo(404);
        assertThat(json.readTree(send("GET", "/api/v1/me/bookings", other, null, "ko").body()).findValuesAsString("id"))
                .doesNotContain(id);
        TestAccounts.signIn(staff);
        assertThat(bookings.booking(id).orElseThrow().status()).isEqualTo(BookingStatus.CONFIRMED);
        TestAccounts.signOut();

        // STAFF may cancel anyone's
        HttpResponse<String> byStaff = send("DELETE", "/api/v1/bookings/" + id, token(staff), null, "ko");
        assertThat(byStaff.statusCode()).isEqualTo(200);
        assertThat(json.readTree(byStaff.body()).get("status").asString()).isEqualTo("CANCELLED");
    }

    @Test
    void a_taken_slot_and_a_full_quota_are_409_with_the_reason_and_store_nothing() throws Exception {
        Slot slot = BookingTestData.freeSlot(bookables, clock, single.id(), 0);
        assertThat(send("POST", "/api/v1/bookings", token(a), body(single.id(), slot.date(), slot.start(), null), "ko")
                .statusCode()).isEqualTo(201);
        HttpResponse<String> taken = send("POST", "/api/v1/bookings", token(b), body(single.id(), slot.date(),
                slot.start(), null), "ko");
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(json.readTree(taken.body()).get("error").asString()).isEqualTo("taken");
        assertThat(json.readTree(taken.body()).get("message").asString()).isEqualTo(
                "이미 다른 분이 예약했습니다. 다른 시간을 골라 주세요.");

        Bookable limited = BookingTestData.limitedSeats(bookables, staff, "bapi-limited");
        Slot one = BookingTestData.freeSlot(bookables, clock, limited.id(), 0);
        Slot two = BookingTestData.freeSlot(bookables, clock, limited.id(), 1);
        assertThat(send("POST", "/api/v1/bookings", token(b), body(limited.id(), one.date(), one.start(), null), "ko")
                .statusCode()).isEqualTo(201);
        HttpResponse<String> quota = send("POST", "/api/v1/bookings", token(b), body(limited.id(), two.date(),
                two.start(), null), "en");
        assertThat(quota.statusCode()).isEqualTo(409);
        assertThat(json.readTree(quota.body()).get("error").asString()).isEqualTo("quota");
        assertThat(json.readTree(quota.body()).get("message").asString()).isEqualTo(
                "This is more than one person may book.");
        assertThat(left(limited, two)).isEqualTo(5);
    }

    @Test
    void bad_input_is_400_at_the_field() throws Exception {
        String token = token(a);
        Slot slot = BookingTestData.freeSlot(bookables, clock, seats.id(), 0);
        JsonNode unreadable = json.readTree(send("POST", "/api/v1/bookings", token,
                "{\"facilityId\": \"no-such\", \"date\": \"tomorrow\", \"start\": \"9\"}", "ko").body());
        assertThat(unreadable.get("error").asString()).isEqualTo("invalid_fields");
        assertThat(unreadable.get("fields").propertyNames()).containsExactlyInAnyOrder("facilityId", "date", "start");
        assertThat(unreadable.get("fields").get("date").asString()).isEqualTo("날짜는 2026-12-08처럼 써 주세요.");

        HttpResponse<String> offGrid = send("POST", "/api/v1/bookings", token, body(seats.id(), slot.date(),
                LocalTime.of(9, 30), null), "ko");
        assertThat(offGrid.statusCode()).isEqualTo(400);
        assertThat(json.readTree(offGrid.body()).get("fields").get("start").asString()).startsWith("이 시간은 예약할 수 없습니다");

        HttpResponse<String> yesterday = send("POST", "/api/v1/bookings", token, body(seats.id(),
                today().minusDays(1), LocalTime.of(10, 0), null), "ko");
        assertThat(yesterday.statusCode()).isEqualTo(400);
        assertThat(json.readTree(yesterday.body()).get("fields").has("start")).isTrue();

        Slot roomSlot = BookingTestData.freeSlot(bookables, clock, room.id(), 0);
        HttpResponse<String> crowd = send("POST", "/api/v1/bookings", token, body(room.id(), roomSlot.date(),
                roomSlot.start(), 9), "ko");
        assertThat(crowd.statusCode()).isEqualTo(400);
        assertThat(json.readTree(crowd.body()).get("fields").get("groupSize").asString())
                .isEqualTo("이용 인원이 이 공간의 최소·최대 인원에 맞지 않습니다.");
        assertThat(left(room, roomSlot)).isEqualTo(1);
        assertThat(send("POST", "/api/v1/bookings", token, body(room.id(), roomSlot.date(), roomSlot.start(), 4), "ko")
                .statusCode()).isEqualTo(201);
    }

    @Test
    void the_booker_checks_in_in_the_first_minutes_and_cannot_cancel_after_the_deadline() throws Exception {
        Slot slot = BookingTestData.freeSlot(bookables, clock, seats.id(), 3);
        String id = json.readTree(send("POST", "/api/v1/bookings", token(a), body(seats.id(), slot.date(), slot.start(),
                null), "ko").body()).get("id").asString();
        ZonedDateTime start = slot.date().atTime(slot.start()).atZone(Formats.SEOUL);

        clock.advance(Duration.between(clock.instant(), start.minusMinutes(30).toInstant()));
        HttpResponse<String> late = send("DELETE", "/api/v1/bookings/" + id, token(a), null, "ko");
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(json.readTree(late.body()).get("error").asString()).isEqualTo("too-late");
        HttpResponse<String> early = send("POST", "/api/v1/bookings/" + id + "/check-in", token(a), null, "ko");
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(json.readTree(early.body()).get("error").asString()).isEqualTo("too-late");

        clock.advance(Duration.ofMinutes(35));
        HttpResponse<String> in = send("POST", "/api/v1/bookings/" + id + "/check-in", token(a), null, "ko");
        assertThat(in.statusCode()).as(in.body()).isEqualTo(200);
        assertThat(json.readTree(in.body()).get("status").asString()).isEqualTo("CHECKED_IN");
    }

    @Test
    void a_ban_is_409_banned_with_its_last_day(@Autowired BookingSweep sweep) throws Exception {
        BaeumUser absent = accounts.citizen("bapi.absent@test.baeum", "안온시민", LocalDate.of(1977, 6, 6));
        Slot slot = BookingTestData.freeSlot(bookables, clock, seats.id(), 4);
        assertThat(send("POST", "/api/v1/bookings", token(absent), body(seats.id(), slot.date(), slot.start(), null),
                "ko").statusCode()).isEqualTo(201);
        BookingTestData.as(staff, () -> bookings.changeNoShowRule(new NoShowRule(1, 90, 30, 15)));
        try {
            ZonedDateTime start = slot.date().atTime(slot.start()).atZone(Formats.SEOUL);
            clock.advance(Duration.between(clock.instant(), start.plusMinutes(16).toInstant()));
            sweep.run();
            Slot later = BookingTestData.freeSlot(bookables, clock, seats.id(), 0);
            HttpResponse<String> banned = send("POST", "/api/v1/bookings", token(absent), body(seats.id(), later.date(),
                    later.start(), null), "ko");
            assertThat(banned.statusCode()).as(banned.body()).isEqualTo(409);
            JsonNode answer = json.readTree(banned.body());
            assertThat(answer.get("error").asString()).isEqualTo("banned");
            LocalDate until = LocalDate.parse(answer.get("until").asString());
            assertThat(until).isAfterOrEqualTo(slot.date().plusDays(29)).isBeforeOrEqualTo(slot.date().plusDays(30));
            assertThat(answer.get("message").asString()).contains(Formats.date(until, java.util.Locale.KOREAN));
        } finally {
            BookingTestData.as(staff, () -> bookings.changeNoShowRule(NoShowRule.DEFAULT));
        }
    }

    @Test
    void a_closed_day_and_a_class_in_the_room_are_409_closed_and_conflict(@Autowired DaysOff daysOff,
                                                                          @Autowired RoomSessions sessions)
            throws Exception {
        LocalDate from = today().plusDays(1);
        ClassSession session = sessions.between("main", null, from, from.plusDays(6)).stream()
                .filter(s -> s.start().getMinute() == 0 && !s.start().isBefore(LocalTime.of(9, 0))
                        && !s.start().isAfter(LocalTime.of(19, 0)))
                .findFirst().orElseThrow(() -> new IllegalStateException("the demo catalog has a class this week"));
        Bookable inRoom = BookingTestData.as(staff, () -> bookables.save(new Bookable("bapi-classroom", "main",
                session.roomId(), org.baeum.booking.BookableKind.STUDY_SEAT, "시험 교실 좌석", "Test classroom seats", 2,
                seats.rules(), true)));
        HttpResponse<String> conflict = send("POST", "/api/v1/bookings", token(a), body(inRoom.id(), session.date(),
                session.start(), null), "ko");
        assertThat(conflict.statusCode()).as(conflict.body()).isEqualTo(409);
        assertThat(json.readTree(conflict.body()).get("error").asString()).isEqualTo("conflict");

        LocalDate closedDay = session.date().equals(from.plusDays(6)) ? from.plusDays(5) : from.plusDays(6);
        var closure = BookingTestData.as(staff, () -> daysOff.addClosure(new ClosureDraft(ClosureScope.ROOM,
                session.roomId(), closedDay, closedDay, "배관 공사", "Pipe works")));
        try {
            HttpResponse<String> closed = send("POST", "/api/v1/bookings", token(a), body(inRoom.id(), closedDay,
                    LocalTime.of(20, 0), null), "ko");
            assertThat(closed.statusCode()).as(closed.body()).isEqualTo(409);
            assertThat(json.readTree(closed.body()).get("error").asString()).isEqualTo("closed");
            JsonNode grid = json.readTree(send("GET", "/api/v1/facilities/" + inRoom.id() + "/slots?date=" + closedDay,
                    null, null, "ko").body());
            assertThat(grid.get(0).get("state").asString()).isEqualTo("CLOSED");
            assertThat(grid.get(0).get("free").asBoolean()).isFalse();
        } finally {
            BookingTestData.as(staff, () -> {
                daysOff.removeClosure(closure.id());
                return null;
            });
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private static String BookingTexts(LocalTime t) {
        return FacilitiesApiController.time(t);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(Formats.SEOUL));
    }

    private int left(Bookable bookable, Slot slot) {
        return bookables.slots(bookable.id(), slot.date()).stream().filter(s -> s.start().equals(slot.start()))
                .findFirst().orElseThrow().left();
    }

    private String token(BaeumUser user) {
        return tokens.issue(user).token();
    }

    private static String body(String facility, LocalDate date, LocalTime start, Integer groupSize) {
        return "{\"facilityId\": \"" + facility + "\", \"date\": \"" + date + "\", \"start\": \"" + start + "\""
                + (groupSize == null ? "" : ", \"groupSize\": " + groupSize) + "}";
    }

    private static JsonNode find(JsonNode list, String id) {
        for (JsonNode n : list) {
            if (n.get("id").asString().equals(id)) {
                return n;
            }
        }
        throw new AssertionError("no facility " + id + " in " + list);
    }

    private HttpResponse<String> send(String method, String path, String token, String body, String language)
            throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept-Language", language);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (body == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }
}
