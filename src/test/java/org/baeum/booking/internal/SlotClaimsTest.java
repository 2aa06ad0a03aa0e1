package org.baeum.booking.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.baeum.capacity.CapacityLedger;
import org.baeum.capacity.Counters;
import org.baeum.capacity.ResourceKey;
import org.junit.jupiter.api.Test;

/** The full-slot shortcut before a booking's writes: how often it reads the slot's counters (decisions 0048, 0064). */
class SlotClaimsTest {

    private static final ResourceKey KEY = SlotTimes.key("seats", LocalDate.of(2026, 12, 9), LocalTime.of(10, 0));

    private final CapacityLedger ledger = mock(CapacityLedger.class);
    private final SlotClaims claims = new SlotClaims(ledger);

    private static Optional<Counters> left(int left) {
        return Optional.of(new Counters(60, 60 - left, left, 0, 0, false));
    }

    @Test
    void requests_that_a_fresh_read_leaves_many_units_for_pass_on_that_read() {
        when(ledger.counters(KEY)).thenReturn(left(60));

        // the first request reads 60 free and takes one; 43 more pass on that read while 16 stay surely free
        for (int i = 0; i < 44; i++) {
            assertThat(claims.anyFull(List.of(KEY))).isFalse();
        }
        verify(ledger, times(1)).counters(KEY);

        // the next one reads again
        assertThat(claims.anyFull(List.of(KEY))).isFalse();
        verify(ledger, times(2)).counters(KEY);
    }

    @Test
    void a_slot_with_few_units_left_is_read_for_every_request_and_refused_once_full() {
        when(ledger.counters(KEY)).thenReturn(left(SlotClaims.SURELY_LEFT), left(1), left(0));

        assertThat(claims.anyFull(List.of(KEY))).isFalse();
        assertThat(claims.anyFull(List.of(KEY))).isFalse();
        assertThat(claims.anyFull(List.of(KEY))).isTrue();

        verify(ledger, times(3)).counters(KEY);
        // seen full: answered without a read for a second
        assertThat(claims.anyFull(List.of(KEY))).isTrue();
        verify(ledger, times(3)).counters(KEY);
    }

    @Test
    void a_slot_not_defined_yet_is_read_each_time_until_it_is() {
        when(ledger.counters(KEY)).thenReturn(Optional.empty());

        assertThat(claims.anyFull(List.of(KEY))).isFalse();
        assertThat(claims.anyFull(List.of(KEY))).isFalse();

        verify(ledger, times(2)).counters(KEY);
    }
}
