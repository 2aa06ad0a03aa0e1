package org.baeum.scale;

import static com.mongodb.client.model.Filters.and;
import static org.assertj.core.api.Assertions.assertThat;
import static org.baeum.scale.TwoInstances.as;
import static org.baeum.scale.TwoInstances.enroll;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.baeum.SecondInstance;
import org.baeum.account.AccountService;
import org.baeum.account.FeeReductionCategories;
import org.baeum.account.FeeReductionCategory;
import org.baeum.base.mail.EmbeddedSmtpServers;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.Role;
import org.baeum.base.security.SystemIdentity;
import org.baeum.catalog.OfferingId;
import org.baeum.catalog.SeatLedger;
import org.baeum.enrollment.Enrollment;
import org.baeum.enrollment.EnrollmentDesk;
import org.baeum.enrollment.EnrollmentStatus;
import org.baeum.enrollment.OfferingDesk;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.springframework.context.ConfigurableApplicationContext;
/**
 * Two instances on one database, what is decided per request (decision 0053): a rush split across both, both
 * delivering mail, sign-out on one, a cached setting changed on one. The timed jobs: {@link TwoInstanceJobsTest}.
 */
class TwoInstancesTest extends TwoInstancesBase {

    /** {@code ShortLived}'s time to live for the fee-reduction categories, the bound a change on another node waits. */
    private static final Duration CACHE_BOUND = Duration.ofSeconds(5);

    @Test
    void the_instances_are_two_portals_on_one_database() {
        assertThat(SecondInstance.databaseOf(b)).isEqualTo(SecondInstance.databaseOf((ConfigurableApplicationContext) a));
        assertThat(TwoInstances.port(b)).isNotEqualTo(TwoInstances.port(a));
        assertThat(b.getBean(Scheduler.class)).isNotSameAs(a.getBean(Scheduler.class));
        assertThat(EmbeddedSmtpServers.of(b)).isNotSameAs(EmbeddedSmtpServers.of(a));
    }

    @Test
    void a_rush_split_across_both_never_oversells_and_numbers_the_waitlist_without_gaps() throws Exception {
        int capacity = 6;
        int citizens = 40;
        OfferingId offering = fixture.offering(capacity, 0);
        List<BaeumUser> rushing = accounts.citizens("rush", "러시", citizens, LocalDate.of(1980, 1, 1));

        List<Enrollment> answers = TwoInstances.atOnce(citizens, i -> enroll(on.split(i), rushing.get(i), offering));

        List<Enrollment> enrolled = answers.stream().filter(e -> e.status() == EnrollmentStatus.ENROLLED).toList();
        List<Integer> positions = answers.stream().filter(e -> e.status() == EnrollmentStatus.WAITLISTED)
                .map(e -> e.line().waitlistPosition()).sorted().toList();
        assertThat(enrolled).as("seats given out").hasSize(capacity);
        assertThat(positions).as("waitlist positions the citizens were told")
                .containsExactlyElementsOf(IntStream.rangeClosed(1, citizens - capacity).boxed().toList());

        OfferingDesk desk = as(staff(), () -> b.getBean(EnrollmentDesk.class).desk(offering));
        assertThat(desk.taken()).isEqualTo(capacity);
        assertThat(desk.left()).isZero();
        assertThat(desk.enrolled()).hasSize(capacity);
        assertThat(desk.waitlist()).extracting(e -> e.line().waitlistPosition())
                .containsExactlyElementsOf(IntStream.rangeClosed(1, citizens - capacity).boxed().toList());
        SeatLedger.Ledger ledger = SystemIdentity.call(() -> a.getBean(SeatLedger.class).ledger(offering)).orElseThrow();
        assertThat(ledger.holders()).extracting(SeatLedger.Holder::id)
                .containsExactlyInAnyOrderElementsOf(enrolled.stream().map(e -> e.id().value()).toList());

        on.deliverOnBothAndCheckEachMailWentOnce();
        assertThat(on.received()).filteredOn(m -> m.to().stream().anyMatch(t -> t.startsWith("rush")))
                .as("a confirmation at least to each citizen enrolled").hasSizeGreaterThanOrEqualTo(capacity);
    }

    @Test
    void signing_out_everywhere_on_one_instance_ends_the_session_on_the_other() throws Exception {
        BaeumUser user = accounts.create("two-instance-citizen", Role.CITIZEN);
        TwoInstances.Browser onA = TwoInstances.Browser.signedIn(a, "two-instance-citizen");
        TwoInstances.Browser onB = TwoInstances.Browser.signedIn(b, "two-instance-citizen");

        as(user, () -> {
            a.getBean(AccountService.class).signOutEverywhere();
            return null;
        });

        assertThat(onB.page("/my/account")).as("B's session, at its next request").endsWith("/login?ended");
        assertThat(onA.page("/my/account")).endsWith("/login?ended");
        assertThat(onB.page("/my/account")).as("and it stays ended").endsWith("/login");
    }

    @Test
    void a_cached_setting_changed_on_one_instance_is_seen_on_the_other_within_its_bound() {
        BaeumUser admin = accounts.create("two-instance-admin", Role.ADMIN);
        FeeReductionCategories onA = a.getBean(FeeReductionCategories.class);
        FeeReductionCategories onB = b.getBean(FeeReductionCategories.class);
        long bRead = System.nanoTime();
        assertThat(codes(onB)).doesNotContain("TWO_INSTANCES");

        as(admin, () -> onA.saveCategory(new FeeReductionCategory("TWO_INSTANCES", "두 인스턴스", "Two instances", 30, true,
                true, 90)));
        long written = System.nanoTime();
        boolean bStillCached = !codes(onB).contains("TWO_INSTANCES");

        assertThat(codes(onA)).as("the writing instance sees its change at once").contains("TWO_INSTANCES");
        Awaitility.await("B sees A's new category").atMost(CACHE_BOUND.plusSeconds(2)).pollInterval(Duration.ofMillis(50))
                .until(() -> codes(onB).contains("TWO_INSTANCES"));
        Duration seenAfter = Duration.ofNanos(System.nanoTime() - written);
        assertThat(seenAfter).as("seen on B within the bound").isLessThanOrEqualTo(CACHE_BOUND.plusSeconds(1));
        if (Duration.ofNanos(written - bRead).compareTo(Duration.ofSeconds(1)) < 0) {
            assertThat(bStillCached).as("B answered from its cache right after the change (the bound is real)").isTrue();
        }

        as(admin, () -> onA.saveCategory(new FeeReductionCategory("TWO_INSTANCES", "두 인스턴스", "Two instances", 50, true,
                true, 90)));
        Awaitility.await("B sees the new rate").atMost(CACHE_BOUND.plusSeconds(2)).pollInterval(Duration.ofMillis(50))
                .until(() -> onB.category("TWO_INSTANCES").map(FeeReductionCategory::ratePercent).orElse(0) == 50);
    }

    private static List<String> codes(FeeReductionCategories service) {
        return service.categories().stream().map(FeeReductionCategory::code).toList();
    }
}
