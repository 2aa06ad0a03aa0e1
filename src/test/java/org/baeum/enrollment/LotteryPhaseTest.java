package org.baeum.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.baeum.BaeumIntegrationTest;
import org.baeum.MutableClock;
import org.baeum.TestAccounts;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.Role;
import org.baeum.base.security.SystemIdentity;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.OfferingId;
import org.baeum.catalog.RecruitmentMethod;
import org.baeum.catalog.SeatLedger;
import org.baeum.enrollment.EnrollmentRefusedException.Reason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An offering that recruits by lottery (추첨) cannot be joined first come: not by a citizen, not by staff at the desk,
 * and not even by a request that reaches the seat ledger directly.
 */
@BaeumIntegrationTest
class LotteryPhaseTest {

    @Autowired
    CitizenEnrollments enrollments;
    @Autowired
    EnrollmentDesk desk;
    @Autowired
    SeatLedger seats;

    static EnrollmentFixture fixture;
    static BaeumUser citizen;
    static BaeumUser staff;

    @BeforeAll
    static void accounts(@Autowired TestAccounts accounts, @Autowired CatalogService catalog, @Autowired MutableClock clock,
                         @Autowired List<org.baeum.base.demo.DemoDataContributor> contributors) {
        org.baeum.DemoCatalogFixture.load(contributors);
        fixture = new EnrollmentFixture(catalog, clock);
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        citizen = accounts.citizen("lottery-" + suffix + "@test.baeum", "추첨시민", LocalDate.of(1975, 5, 5));
        staff = accounts.create("lottery-staff-" + suffix, Role.STAFF);
    }

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void a_citizen_is_refused_with_the_lottery_reason_and_nothing_is_stored() {
        OfferingId o = fixture.offering(5, 10_000, RecruitmentMethod.LOTTERY, List.of());
        TestAccounts.signIn(citizen);

        assertThatThrownBy(() -> enrollments.enroll(o, null, UUID.randomUUID().toString()))
                .isInstanceOfSatisfying(EnrollmentRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.LOTTERY_PHASE));

        assertThat(enrollments.myEnrollments()).noneMatch(e -> e.offering().equals(o));
        assertThat(enrollments.preview(o, null, null).refusal()).isEqualTo(Reason.LOTTERY_PHASE);
        assertThat(seats.counters(o).orElseThrow().taken()).isZero();
    }

    @Test
    void staff_at_the_desk_are_refused_the_same_way() {
        OfferingId o = fixture.offering(5, 10_000, RecruitmentMethod.LOTTERY, List.of());
        TestAccounts.signIn(staff);

        assertThatThrownBy(() -> desk.enrollFor(new org.baeum.account.ParticipantId(citizen.accountId()), o,
                UUID.randomUUID().toString())).isInstanceOfSatisfying(EnrollmentRefusedException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.LOTTERY_PHASE));
    }

    @Test
    void the_seat_ledger_itself_gives_no_seat_and_no_ticket_in_a_lottery_phase() {
        OfferingId lottery = fixture.offering(5, 10_000, RecruitmentMethod.LOTTERY, List.of());
        OfferingId firstCome = fixture.offering(5, 10_000, RecruitmentMethod.FIRST_COME, List.of());

        assertThat(SystemIdentity.call(() -> seats.claim(lottery, "enr-probe-1"))).isEmpty();
        assertThat(SystemIdentity.call(() -> seats.join(lottery))).isEmpty();
        assertThat(SystemIdentity.call(() -> seats.claim(firstCome, "enr-probe-2"))).isPresent();
        SystemIdentity.run(() -> seats.release(firstCome, "enr-probe-2"));
    }
}
