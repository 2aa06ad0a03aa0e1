package org.baeum.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.baeum.BaeumIntegrationTest;
import org.baeum.DemoCatalogFixture;
import org.baeum.base.demo.DemoDataContributor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The class sessions a room, a branch or the whole centre holds on given days: what bookings and closures meet. */
@BaeumIntegrationTest
class RoomSessionsTest {

    @Autowired
    RoomSessions roomSessions;
    @Autowired
    CatalogService catalog;

    @BeforeAll
    static void demoCatalog(@Autowired List<DemoDataContributor> contributors) {
        DemoCatalogFixture.load(contributors);
    }

    @Test
    void a_published_offering_meets_in_its_room_its_branch_and_the_centre_on_each_session_day() {
        Offering offering = catalog.search(CatalogQuery.all()).items().stream()
                .filter(o -> o.publication() == Publication.PUBLISHED && o.sessionDates().size() > 1)
                .findFirst().orElseThrow();
        var day = offering.sessionDates().get(1);
        String branch = catalog.branches().stream()
                .filter(b -> b.rooms().stream().anyMatch(r -> r.id().equals(offering.roomId())))
                .findFirst().orElseThrow().id().value();
        ClassSession expected = new ClassSession(offering.id(), offering.program().titleKo(),
                offering.program().titleEn(), branch, offering.roomId(), day, offering.schedule().startTime(),
                offering.schedule().endTime());

        assertThat(roomSessions.between(branch, offering.roomId(), day, day)).contains(expected)
                .allSatisfy(s -> assertThat(s.roomId()).isEqualTo(offering.roomId()));
        assertThat(roomSessions.between(branch, null, day, day)).contains(expected)
                .allSatisfy(s -> assertThat(s.branchId()).isEqualTo(branch));
        assertThat(roomSessions.between(null, null, day, day)).contains(expected)
                .allSatisfy(s -> assertThat(s.date()).isEqualTo(day));
        assertThat(roomSessions.between(branch, offering.roomId(), day.plusDays(1), day.plusDays(1)))
                .noneMatch(s -> s.offeringId().equals(offering.id()) && !offering.sessionDates().contains(s.date()));
        assertThat(expected.overlaps(day, offering.schedule().startTime().minusMinutes(30),
                offering.schedule().startTime().plusMinutes(1))).isTrue();
        assertThat(expected.overlaps(day, offering.schedule().endTime(), offering.schedule().endTime().plusHours(1)))
                .as("a slot that starts when the class ends is free").isFalse();
    }

    @Test
    void a_period_backwards_or_too_long_is_refused() {
        var today = java.time.LocalDate.of(2026, 12, 7);
        assertThatThrownBy(() -> roomSessions.between(null, null, today, today.minusDays(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> roomSessions.between(null, null, today, today.plusDays(RoomSessions.MAX_DAYS + 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
