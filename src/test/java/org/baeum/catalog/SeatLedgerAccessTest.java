package org.baeum.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.baeum.BaeumIntegrationTest;
import org.baeum.TestAccounts;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.Role;
import org.baeum.base.security.SystemIdentity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** Seats move only through enrolment, acting as the portal: no person, staff included, takes or frees one directly. */
@BaeumIntegrationTest
class SeatLedgerAccessTest {

    static final OfferingId OFFERING = new OfferingId("ledger-access-offering");
    static TestAccounts people;

    @Autowired
    SeatLedger seats;

    @BeforeAll
    static void setUp(@Autowired TestAccounts accounts) {
        people = accounts;
        accounts.create("ledger-citizen", Role.CITIZEN);
        accounts.create("ledger-instructor", Role.INSTRUCTOR);
        accounts.create("ledger-staff", Role.STAFF);
        accounts.create("ledger-admin", Role.ADMIN);
    }

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void no_person_moves_a_seat_directly(Role role) {
        BaeumUser user = people.user("ledger-" + role.name().toLowerCase());
        TestAccounts.signIn(user);
        assertThatThrownBy(() -> seats.claim(OFFERING, "h1")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> seats.claimAll(OFFERING, List.of("h1", "h2"))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> seats.join(OFFERING)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> seats.join(OFFERING, 3)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> seats.queue(OFFERING, 2)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> seats.hold(OFFERING, "h1")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> seats.release(OFFERING, "h1")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> seats.confirm(OFFERING, "h1")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> seats.waitlistShrank(OFFERING, 1)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void holders_are_for_staff_and_the_portal_counters_for_anyone_signed_in() {
        TestAccounts.signIn(people.user("ledger-citizen"));
        assertThatThrownBy(() -> seats.ledger(OFFERING)).isInstanceOf(AccessDeniedException.class);
        assertThat(seats.counters(OFFERING)).isEmpty();
        TestAccounts.signIn(people.user("ledger-staff"));
        assertThat(seats.ledger(OFFERING)).isEmpty();
        assertThat(SystemIdentity.call(() -> seats.release(OFFERING, "h1"))).as("the portal itself may").isEmpty();
    }

}
