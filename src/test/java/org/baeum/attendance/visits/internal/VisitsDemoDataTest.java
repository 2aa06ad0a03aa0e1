package org.baeum.attendance.visits.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.time.LocalDate;
import java.util.List;
import org.baeum.BaeumIntegrationTest;
import org.baeum.DemoCatalogFixture;
import org.baeum.TestAccounts;
import org.baeum.attendance.visits.MembershipCard;
import org.baeum.attendance.visits.MembershipCards;
import org.baeum.attendance.visits.MembershipVisits;
import org.baeum.base.demo.DemoDataContributor;
import org.baeum.base.desk.DeskMatch;
import org.baeum.base.i18n.Formats;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The desk's demo: 김시민 holds this quarter's gym membership and sees its card; STAFF find him at the desk by the
 * card's code; two neighbours have past visits that count; a second start stores nothing new.
 */
@BaeumIntegrationTest
class VisitsDemoDataTest {

    @Autowired
    List<DemoDataContributor> contributors;
    @Autowired
    TestAccounts accounts;
    @Autowired
    MembershipCards cards;
    @Autowired
    MembershipVisits visits;
    @Autowired
    MongoDatabase database;
    @Autowired
    java.time.Clock clock;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void the_demo_citizen_holds_a_gym_membership_and_neighbours_have_visits() {
        DemoCatalogFixture.loadAll(contributors);
        LocalDate today = LocalDate.now(clock.withZone(Formats.SEOUL));

        TestAccounts.signIn(accounts.user("citizen"));
        MembershipCard card = cards.mine().stream().filter(c -> c.title(java.util.Locale.KOREAN).equals("헬스장 분기 회원"))
                .findFirst().orElseThrow();
        assertThat(card.participantName()).isEqualTo("김시민");
        assertThat(card.firstDay()).isBeforeOrEqualTo(today);
        assertThat(card.lastDay()).isAfter(today);

        TestAccounts.signIn(accounts.user("staff"));
        List<DeskMatch> found = visits.find(card.code(), today);
        assertThat(found).singleElement().satisfies(m -> {
            assertThat(m.person()).isEqualTo("김시민");
            assertThat(m.id()).isEqualTo(card.id().value());
        });
        // this year's counting visits only: the past year's demo (a longer start) may have stored its own
        long stored = database.getCollection(VisitRepository.COLLECTION)
                .countDocuments(new Document("year", card.firstDay().getYear()).append("counts", true));
        assertThat(stored).as("past visits of two neighbours").isGreaterThan(4);
        assertThat(visits.visitsOfYear(card.firstDay().getYear()).values().stream().mapToInt(Integer::intValue).sum())
                .isEqualTo((int) stored);
        TestAccounts.signOut();

        DemoCatalogFixture.loadAll(contributors);
        assertThat(database.getCollection(VisitRepository.COLLECTION)
                .countDocuments(new Document("year", card.firstDay().getYear()).append("counts", true))).isEqualTo(stored);
    }
}
