package org.baeum.capacity;

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
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;

/** Units move only when the portal itself acts: no person, staff and admin included, writes to the ledger directly. */
@BaeumIntegrationTest
class CapacityLedgerAccessTest {

    static final ResourceKind DESK_DAY = ResourceKind.own("test-desk-day", true);
    static final ResourceKey DESK = DESK_DAY.key("reading-room-7|2026-12-07");
    static final Counters ONE_TAKEN = new Counters(2, 1, 1, 0, 0, false);
    static TestAccounts people;

    @Autowired
    CapacityLedger ledger;

    @BeforeAll
    static void setUp(@Autowired TestAccounts accounts, @Autowired CapacityLedger ledger) {
        people = accounts;
        for (Role role : Role.values()) {
            accounts.create("capacity-" + role.name().toLowerCase(), role);
        }
        SystemIdentity.run(() -> {
            ledger.define(DESK, 2);
            ledger.claim(DESK, "held");
        });
    }

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void no_person_writes_to_the_ledger(Role role) {
        BaeumUser user = people.user("capacity-" + role.name().toLowerCase());
        TestAccounts.signIn(user);
        assertThatThrownBy(() -> ledger.define(DESK_DAY.key("new-" + role), 3)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> ledger.claim(DESK, "h1")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> ledger.claimAll(DESK, List.of("h1", "h2"))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> ledger.join(DESK, 1)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> ledger.hold(DESK, "h1")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> ledger.release(DESK, "held")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> ledger.confirm(DESK, "held")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> ledger.waitlistShrank(DESK, 1)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> ledger.changeCapacity(DESK, 2, 5)).isInstanceOf(AccessDeniedException.class);

        assertThat(ledger.counters(DESK)).as("nothing changed").contains(ONE_TAKEN);
        assertThat(SystemIdentity.call(() -> ledger.holders(DESK))).get().satisfies(h -> assertThat(h.holders())
                .singleElement().satisfies(x -> assertThat(x.confirmed()).isFalse()));
        assertThat(SystemIdentity.call(() -> ledger.counters(DESK_DAY.key("new-" + role)))).isEmpty();
    }

    @Test
    void holders_are_for_staff_and_the_portal_counters_for_anyone_signed_in() {
        assertThatThrownBy(() -> ledger.counters(DESK)).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        TestAccounts.signIn(people.user("capacity-citizen"));
        assertThat(ledger.counters(DESK)).contains(ONE_TAKEN);
        assertThatThrownBy(() -> ledger.holders(DESK)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> ledger.needingAttention(DESK_DAY, 10)).isInstanceOf(AccessDeniedException.class);
        TestAccounts.signIn(people.user("capacity-instructor"));
        assertThatThrownBy(() -> ledger.holders(DESK)).isInstanceOf(AccessDeniedException.class);
        TestAccounts.signIn(people.user("capacity-staff"));
        assertThat(ledger.holders(DESK)).get().extracting(h -> h.holders().getFirst().id()).isEqualTo("held");
        assertThat(ledger.needingAttention(DESK_DAY, 10)).containsExactly(DESK);
        assertThat(SystemIdentity.call(() -> ledger.release(DESK, "nobody"))).as("the portal itself may").isEmpty();
    }
}
