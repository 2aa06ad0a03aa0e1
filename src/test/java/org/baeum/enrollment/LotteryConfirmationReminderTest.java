package org.baeum.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.baeum.BaeumIntegrationTest;
import org.baeum.DemoCatalogFixture;
import org.baeum.Mailbox;
import org.baeum.MutableClock;
import org.baeum.TestAccounts;
import org.baeum.account.AccountService;
import org.baeum.base.demo.DemoDataContributor;
import org.baeum.base.i18n.Formats;
import org.baeum.base.mail.SentMail;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.Role;
import org.baeum.base.security.SystemIdentity;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.OfferingId;
import org.baeum.enrollment.internal.EnrollmentTasks;
import org.baeum.notification.internal.OutboxRepository;
import org.baeum.recruitment.Round;
import org.baeum.recruitment.RoundFixture;
import org.baeum.recruitment.RoundService;
import org.baeum.recruitment.internal.RoundDraws;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The reminder before a lottery win's confirmation deadline (decision 0050): with a moved clock, exactly one
 * "confirm your lottery seat by …" mail (DRAW_EXPIRING, not the waitlist's "offer ends soon") a few hours before the
 * deadline to the winner who has not answered, none to a winner who confirmed or declined, none twice, none after.
 */
@BaeumIntegrationTest
@org.junit.jupiter.api.extension.ExtendWith(org.baeum.recruitment.PausedDrawJob.class)
class LotteryConfirmationReminderTest {

    @Autowired
    MutableClock clock;
    @Autowired
    MongoDatabase database;
    @Autowired
    RoundDraws draws;
    @Autowired
    org.baeum.recruitment.Applications applications;
    @Autowired
    CitizenEnrollments citizenEnrollments;
    @Autowired
    EnrollmentTasks tasks;
    @Autowired
    AccountService accountService;
    @Autowired
    Mailbox mailbox;

    static RoundFixture rounds;
    static EnrollmentFixture catalog;
    static List<BaeumUser> citizens;

    @BeforeAll
    static void data(@Autowired List<DemoDataContributor> contributors, @Autowired TestAccounts accounts,
                     @Autowired CatalogService catalogService, @Autowired MutableClock clock,
                     @Autowired RoundService service) {
        DemoCatalogFixture.load(contributors);
        catalog = new EnrollmentFixture(catalogService, clock);
        rounds = new RoundFixture(service, clock, accounts.create("lotrem-staff", Role.STAFF));
        citizens = accounts.citizens("lotrem", "추첨알림", 3, LocalDate.of(1982, 2, 2));
    }

    @AfterEach
    void reset() {
        clock.reset();
        TestAccounts.signOut();
    }

    @Test
    void one_reminder_to_confirm_the_lottery_seat_before_the_deadline_none_after_answering_none_twice() {
        OfferingId o = catalog.offering(3, 0);
        Round round = rounds.open("LOTREM", List.of(o));
        for (BaeumUser c : citizens) {
            as(c, () -> applications.apply(round.id(), null, List.of(o), false));
        }
        clock.advance(Duration.ofDays(1));
        SystemIdentity.run(draws::runDue);

        List<Enrollment> wins = new ArrayList<>();
        for (BaeumUser c : citizens) {
            Enrollment win = as(c, () -> citizenEnrollments.myEnrollments()).stream()
                    .filter(e -> e.offering().equals(o)).findFirst().orElseThrow();
            assertThat(win.status()).isEqualTo(EnrollmentStatus.OFFERED);
            wins.add(win);
        }
        Instant deadline = round.confirmationDeadline();
        BaeumUser silent = citizens.get(0);
        BaeumUser confirming = citizens.get(1);
        BaeumUser declining = citizens.get(2);
        as(confirming, () -> citizenEnrollments.acceptOffer(wins.get(1).id()));
        as(declining, () -> citizenEnrollments.declineOffer(wins.get(2).id()));
        as(silent, () -> {
            accountService.changeMyLanguage(Locale.ENGLISH);
            return null;
        });

        runTasksAt(deadline.minus(Duration.ofHours(3)).minusSeconds(60));
        assertThat(reminders(wins)).isEmpty();

        runTasksAt(deadline.minus(Duration.ofHours(3)).plusSeconds(60));
        runTasksAt(deadline.minus(Duration.ofHours(1)));
        List<Document> sent = reminders(wins);
        assertThat(sent).singleElement().satisfies(row -> {
            assertThat(row.getString("key")).isEqualTo("drawexpiring:" + wins.get(0).id().value());
            assertThat(row.getString("kind")).isEqualTo("DRAW_EXPIRING");
        });
        List<SentMail> mail = mailbox.to(silent.getUsername()).stream()
                .filter(m -> m.subject().contains("lottery seat")).toList();
        assertThat(mail).singleElement().satisfies(m -> {
            assertThat(m.subject()).startsWith("[Baeum] Please confirm your lottery seat in ")
                    .endsWith(" by " + Formats.dateTime(deadline, Locale.ENGLISH));
            assertThat(m.textBody()).contains("Please confirm your lottery seat by "
                    + Formats.dateTime(deadline, Locale.ENGLISH)).contains("/offer/accept?token=")
                    .contains("/offer/decline?token=").contains("next applicant in draw order");
        });

        runTasksAt(deadline.plusSeconds(60)); // the offer runs out: no reminder after it
        assertThat(reminders(wins)).hasSize(1);
        assertThat(database.getCollection(OutboxRepository.COLLECTION).countDocuments(Filters.in("key",
                wins.stream().map(w -> "offerexpiring:" + w.id().value()).toList()))).isZero();
    }

    /** Moves the clock and runs the enrolment clock's due tasks there, twice (the second adds nothing). */
    private void runTasksAt(Instant at) {
        mailbox.flush();
        clock.advance(Duration.between(clock.instant(), at));
        tasks.runDue("lotrem-test");
        tasks.runDue("lotrem-test");
    }

    private List<Document> reminders(List<Enrollment> wins) {
        return database.getCollection(OutboxRepository.COLLECTION).find(Filters.in("key",
                wins.stream().map(w -> "drawexpiring:" + w.id().value()).toList())).into(new ArrayList<>());
    }

    private static <T> T as(BaeumUser user, Supplier<T> action) {
        TestAccounts.signIn(user);
        try {
            return action.get();
        } finally {
            TestAccounts.signOut();
        }
    }
}
