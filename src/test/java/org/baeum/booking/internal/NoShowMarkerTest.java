package org.baeum.booking.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.baeum.BaeumIntegrationTest;
import org.baeum.MutableClock;
import org.baeum.TestAccounts;
import org.baeum.account.internal.AccountDocument;
import org.baeum.account.internal.AccountRepository;
import org.baeum.base.i18n.Formats;
import org.baeum.base.security.ApiTokens;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.Role;
import org.baeum.booking.Bookable;
import org.baeum.booking.Booking;
import org.baeum.booking.BookingRequest;
import org.baeum.booking.BookingStatus;
import org.baeum.booking.Bookings;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.ObjectMapper;

/**
 * Decision 0065: an account made by sign-up says it never had a no-show mark, and a booking over the API reads the
 * marks only when it may have. Storing a mark marks the account first, so a ban is never missed.
 */
@BaeumIntegrationTest
class NoShowMarkerTest {

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    ApiTokens tokens;
    @Autowired
    AccountRepository accountRepository;
    @Autowired
    com.mongodb.client.MongoDatabase database;
    @Autowired
    Bookings bookings;
    @Autowired
    BookingFixture fixture;
    @Autowired
    TestAccounts accounts;
    @Autowired
    BookingSweep sweep;
    @Autowired
    org.baeum.account.AccountMarks accountMarks;

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void a_no_show_marks_the_account_first_so_the_api_booking_is_refused_for_the_ban() throws Exception {
        Bookable seats = fixture.seats("nsm-release-" + UUID.randomUUID().toString().substring(0, 6), 1, 0, 0);
        LocalDate first = fixture.openDay(1);
        LocalDate second = fixture.openDay((int) (first.toEpochDay() - fixture.today().toEpochDay()) + 1);
        LocalDate third = fixture.openDay((int) (second.toEpochDay() - fixture.today().toEpochDay()) + 1);
        BaeumUser citizen = signedUp("nsm-marked", false);
        TestAccounts.signIn(citizen);
        List<Booking> booked = List.of(bookings.book(at(seats, first)), bookings.book(at(seats, second)),
                bookings.book(at(seats, third)));
        assertThat(accountRepository.findById(citizen.accountId()).orElseThrow().noShowMarks()).isFalse();

        moveTo(third, LocalTime.of(10, 16));
        sweep.run();
        assertThat(booked).allSatisfy(b -> assertThat(bookings.booking(b.id()).orElseThrow().status())
                .isEqualTo(BookingStatus.NO_SHOW));
        TestAccounts.signOut();

        assertThat(accountRepository.findById(citizen.accountId()).orElseThrow().noShowMarks()).isTrue();
        HttpResponse<String> refused = book(citizen, seats, fixture.openDay(1));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(json.readTree(refused.body()).get("error").asString()).isEqualTo("banned");
    }

    @Test
    void an_account_never_marked_books_without_reading_the_marks_and_one_not_known_reads_them() throws Exception {
        Bookable seats = fixture.seats("nsm-read-" + UUID.randomUUID().toString().substring(0, 6), 5, 0, 0);
        BaeumUser never = signedUp("nsm-never", false);
        BaeumUser unknown = signedUp("nsm-unknown", null);
        // three marks stored without the account's mark (no version since decision 0065 does that): only a read sees them
        banBehindTheMarksBack(never);
        banBehindTheMarksBack(unknown);
        LocalDate day = fixture.openDay(1);

        HttpResponse<String> notRead = book(never, seats, day);
        HttpResponse<String> read = book(unknown, seats, day);

        assertThat(notRead.statusCode()).as("marks not read: the account says it never had one: " + notRead.body())
                .isEqualTo(201);
        assertThat(read.statusCode()).as("an account from before decision 0065: marks read: " + read.body())
                .isEqualTo(409);
        assertThat(json.readTree(read.body()).get("error").asString()).isEqualTo("banned");
    }

    @Test
    void only_the_portal_marks_an_account_and_nobody_learns_about_another_account() {
        BaeumUser citizen = signedUp("nsm-self", false);
        BaeumUser other = signedUp("nsm-other", false);
        TestAccounts.signIn(citizen);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> accountMarks.noShowMarked(List.of(other.accountId())))
                .isExactlyInstanceOf(org.springframework.security.authorization.AuthorizationDeniedException.class);
        assertThat(accountMarks.neverMarkedNoShow(other.accountId())).as("another account: always false").isFalse();
        TestAccounts.signIn(accounts.userOrCreate("nsm-staff", Role.STAFF));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> accountMarks.noShowMarked(List.of(other.accountId())))
                .isExactlyInstanceOf(org.springframework.security.authorization.AuthorizationDeniedException.class);
        TestAccounts.signOut();

        assertThat(accountRepository.findById(other.accountId()).orElseThrow().noShowMarks()).isFalse();
    }

    private static BookingRequest at(Bookable b, LocalDate day) {
        return new BookingRequest(b.id(), day, LocalTime.of(10, 0), null, null, 0, null);
    }

    private void moveTo(LocalDate day, LocalTime time) {
        clock.advance(Duration.between(clock.instant(), LocalDateTime.of(day, time).atZone(Formats.SEOUL).toInstant()));
    }

    private BaeumUser signedUp(String name, Boolean noShowMarks) {
        String id = UUID.randomUUID().toString();
        String email = name + "-" + id.substring(0, 6) + "@test.baeum";
        Instant now = clock.instant();
        accountRepository.insert(new AccountDocument(id, email, email, name, List.of(Role.CITIZEN), true, "ko", "x", now,
                null, LocalDate.of(1980, 5, 5), "MAPO", now, 0L, true, null, false, noShowMarks));
        return new BaeumUser(id, email, name, EnumSet.of(Role.CITIZEN), true, Locale.KOREAN, null, 0L);
    }

    private void banBehindTheMarksBack(BaeumUser citizen) {
        LocalDate today = fixture.today();
        for (int d = 1; d <= 3; d++) {
            database.getCollection(NoShowStore.MARKS).insertOne(new Document("_id", "nsm-" + UUID.randomUUID())
                    .append("participantId", citizen.accountId()).append("accountId", citizen.accountId())
                    .append("day", today.minusDays(d).toString()).append("at", Date.from(clock.instant())));
        }
    }

    private HttpResponse<String> book(BaeumUser citizen, Bookable b, LocalDate day) throws Exception {
        String body = "{\"facilityId\":\"" + b.id() + "\",\"date\":\"" + day + "\",\"start\":\"10:00\"}";
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/bookings"))
                .header("Authorization", "Bearer " + tokens.issue(citizen).token())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
