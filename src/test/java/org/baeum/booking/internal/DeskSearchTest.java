package org.baeum.booking.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.baeum.BaeumIntegrationTest;
import org.baeum.TestAccounts;
import org.baeum.account.HouseholdService;
import org.baeum.base.audit.AccessAction;
import org.baeum.base.audit.AccessLog;
import org.baeum.base.audit.AccessLogEntry;
import org.baeum.base.audit.AccessLogQuery;
import org.baeum.base.desk.DeskMatch;
import org.baeum.base.desk.FrontDesk;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.Role;
import org.baeum.booking.Bookable;
import org.baeum.booking.BookingRequest;
import org.baeum.booking.Bookings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mockito.AdditionalAnswers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.test.util.AopTestUtils;

/**
 * The desk's search by name (decision 0047): one read of the day's bookings and one batched lookup of their
 * participants, whatever the number of bookings; and one access-log entry per search with its kind and number of
 * matches, never the text typed.
 */
@BaeumIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeskSearchTest {

    private static final int PEOPLE = 12;

    @Autowired
    BookingFixture fixture;
    @Autowired
    TestAccounts accounts;
    @Autowired
    Bookings bookings;
    @Autowired
    BookingRepository bookingRepository;
    @Autowired
    BookableRepository bookableRepository;
    @Autowired
    HouseholdService households;
    @Autowired
    Languages languages;
    @Autowired
    Clock clock;
    @Autowired
    NoShows noShows;
    @Autowired
    FrontDesk desk;
    @Autowired
    AccessLog accessLog;

    LocalDate day;
    String tag;

    @BeforeAll
    void bookings() {
        tag = UUID.randomUUID().toString().substring(0, 6);
        Bookable seats = fixture.seats("ds-" + tag, PEOPLE, 0, 0);
        day = fixture.openDay(2);
        List<BaeumUser> people = accounts.citizens("ds-" + tag + "-", "탐색" + tag, PEOPLE, LocalDate.of(1980, 1, 1));
        for (BaeumUser p : people) {
            TestAccounts.signIn(p);
            bookings.book(new BookingRequest(seats.id(), day, LocalTime.of(10, 0), null, null, 0, null));
        }
        TestAccounts.signOut();
    }

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void a_name_search_reads_the_day_once_and_looks_the_participants_up_in_one_batch() {
        BookingRepository repository = spy(AopTestUtils.<BookingRepository>getUltimateTargetObject(bookingRepository));
        HouseholdService counted = mock(HouseholdService.class, AdditionalAnswers.delegatesTo(households));
        DeskBookings source = new DeskBookings(repository, bookableRepository, bookings, counted, languages, clock,
                noShows);
        TestAccounts.signIn(accounts.create("ds-staff-" + UUID.randomUUID().toString().substring(0, 6), Role.STAFF));

        List<DeskMatch> found = source.find("탐색" + tag, day);

        assertThat(found).hasSize(PEOPLE).allSatisfy(m -> assertThat(m.person()).startsWith("탐색" + tag));
        verify(repository, times(1)).activeInBranchesOn(eq(day), anyInt());
        verify(counted, times(1)).participants(anyCollection());
        verify(counted, never()).participant(any());
    }

    @Test
    void each_desk_search_is_one_access_log_entry_with_its_kind_and_count_but_not_the_text() {
        BaeumUser staff = accounts.create("ds-log-" + UUID.randomUUID().toString().substring(0, 6), Role.STAFF);
        TestAccounts.signIn(accounts.citizen("ds-c-" + tag + "@test.baeum", "시민", LocalDate.of(1990, 2, 2)));
        assertThatThrownBy(() -> desk.find("탐색" + tag, day)).isExactlyInstanceOf(AuthorizationDeniedException.class);
        // an instructor may write to the access log, so only the desk's own check refuses them
        TestAccounts.signIn(accounts.create("ds-inst-" + tag, Role.INSTRUCTOR));
        assertThatThrownBy(() -> desk.find("탐색" + tag, day)).isExactlyInstanceOf(AuthorizationDeniedException.class);

        TestAccounts.signIn(staff);
        // 탐색<tag>1, 탐색<tag>10 and 탐색<tag>11
        assertThat(desk.find("탐색" + tag + "1", day)).extracting(DeskMatch::source)
                .containsExactly("booking", "booking", "booking");
        desk.find("ABCD-EFGH", day);

        List<AccessLogEntry> entries = entriesOf(staff);
        assertThat(entries).hasSize(2);
        AccessLogEntry byName = entries.get(1);
        AccessLogEntry byCode = entries.get(0);
        assertThat(byName.subjectAccountId()).isNull();
        assertThat(byName.actorUsername()).isEqualTo(staff.getUsername());
        int typed = ("탐색" + tag + "1").length();
        assertThat(byName.detail()).startsWith("desk search by name (" + typed + " characters) on " + day
                + ": 3 matches (").contains("booking 3", "membership 0").doesNotContain("탐색");
        assertThat(byCode.detail()).startsWith("desk search by code (9 characters) on " + day + ": 0 matches (")
                .doesNotContain("ABCD");
    }

    private List<AccessLogEntry> entriesOf(BaeumUser staff) {
        TestAccounts.signIn(accounts.create("ds-admin-" + UUID.randomUUID().toString().substring(0, 6), Role.ADMIN));
        try {
            return accessLog.page(new AccessLogQuery(null, null, staff.getUsername(), null, AccessAction.DESK_SEARCH),
                    0, 10);
        } finally {
            TestAccounts.signIn(staff);
        }
    }
}
