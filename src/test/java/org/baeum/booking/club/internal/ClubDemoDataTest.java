package org.baeum.booking.club.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import org.baeum.BaeumIntegrationTest;
import org.baeum.DemoCatalogFixture;
import org.baeum.base.demo.DemoDataContributor;
import org.baeum.base.security.SystemIdentity;
import org.baeum.booking.Booking;
import org.baeum.booking.BookingStatus;
import org.baeum.booking.Bookings;
import org.baeum.booking.club.ClubStatus;
import org.baeum.booking.club.SeriesStatus;
import org.baeum.booking.club.internal.SeriesRepository.StoredSeries;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo's learning club: approved, three people, every open Tuesday afternoon of the term booked, once. */
@BaeumIntegrationTest
class ClubDemoDataTest {

    @Autowired
    List<DemoDataContributor> contributors;
    @Autowired
    ClubDemoData demo;
    @Autowired
    ClubRepository clubs;
    @Autowired
    SeriesRepository series;
    @Autowired
    Bookings bookings;

    @Test
    void the_demo_choir_meets_every_open_tuesday_and_a_second_start_books_nothing_more() {
        DemoCatalogFixture.load(contributors);
        demo.contribute(new DemoDataContributor.DemoContext("unused"));

        var club = clubs.find(ClubDemoData.CLUB).orElseThrow();
        assertThat(club.status()).isEqualTo(ClubStatus.APPROVED);
        assertThat(club.leaderId()).isEqualTo("demo-citizen");
        assertThat(club.members()).hasSize(2);
        StoredSeries s = series.find(ClubDemoData.SERIES).orElseThrow();
        assertThat(s.status()).isEqualTo(SeriesStatus.APPROVED);
        assertThat(s.placed()).as(s.toString()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(s.notPlaced()).isEmpty();
        assertThat(s.placed().keySet()).allSatisfy(d -> assertThat(d.getDayOfWeek()).isEqualTo(DayOfWeek.TUESDAY));
        Booking first = SystemIdentity.call(() -> bookings.booking(s.placed().firstEntry().getValue())).orElseThrow();
        assertThat(first.status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(first.clubId()).isEqualTo(ClubDemoData.CLUB);
        assertThat(first.start()).isEqualTo(s.start()).isAfterOrEqualTo(LocalTime.of(10, 0));
        assertThat(first.groupSize()).isEqualTo(3);

        demo.contribute(new DemoDataContributor.DemoContext("unused"));
        assertThat(series.find(ClubDemoData.SERIES).orElseThrow().placed()).isEqualTo(s.placed());
        long active = SystemIdentity.call(() -> s.placed().keySet().stream()
                .flatMap(d -> bookings.ofDay(ClubDemoData.ROOM, d).stream())
                .filter(b -> ClubDemoData.CLUB.equals(b.clubId()) && b.status().active()).count());
        assertThat(active).isEqualTo(s.placed().size());
    }
}
