package org.baeum.booking.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.baeum.base.i18n.Messages;
import org.baeum.booking.Bookable;
import org.baeum.booking.BookableKind;
import org.baeum.booking.BookingRules;
import org.baeum.booking.BookingStatus;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a failure after the quota was taken leaves behind (decision 0042, write order): the stores are mocks. */
class PlacementFailureTest {

    private final BookingRepository bookings = mock(BookingRepository.class);
    private final QuotaCounters quotas = mock(QuotaCounters.class);
    private final SlotClaims claims = mock(SlotClaims.class);
    private final PersonHolds holds = mock(PersonHolds.class);
    private final PersonDays days = mock(PersonDays.class);
    private Placement placement;
    private Placement.Order order;

    @BeforeEach
    void setUp() {
        placement = new Placement(bookings, quotas, claims, mock(Availability.class), mock(NoShows.class),
                mock(Languages.class), holds, days, mock(Messages.class), new SlotStore(claims, bookings),
                Clock.fixed(Instant.parse("2026-12-07T00:00:00Z"), ZoneOffset.UTC));
        Bookable seats = new Bookable("pf-seats", "main", null, BookableKind.DIGITAL_SEAT, "좌석", "Seats", 5,
                new BookingRules(EnumSet.allOf(DayOfWeek.class), LocalTime.of(9, 0), LocalTime.of(21, 0), 60, false,
                        7, 60, 120, 0, 1, 1), true);
        order = new Placement.Order(seats, LocalDate.of(2026, 12, 9),
                List.of(new SlotTimes.Span(LocalTime.of(10, 0), LocalTime.of(11, 0))), "acc", "acc", 1, null, null,
                BookingStatus.CONFIRMED, true);
        when(days.take(anyString(), any(), anyList(), anyInt(), anyInt(), anyString(), any()))
                .thenReturn(PersonDays.Taken.TAKEN);
        when(quotas.take(anyString(), anyString(), anyInt(), anyInt())).thenReturn(true);
    }

    @Test
    void a_ledger_failure_after_the_quota_gives_the_quota_and_the_holds_back() {
        when(claims.claimAll(anyList(), anyString(), anyInt())).thenThrow(new IllegalStateException("ledger down"));

        assertThatThrownBy(() -> placement.place(order)).hasMessage("ledger down");

        // the person's hold on the slot and the day's 60 minutes, in one write (decision 0068)
        verify(days).release(eq(PersonDays.id("acc", "main", "DIGITAL_SEAT", order.date())), anyString(),
                eq(List.of("acc|main|DIGITAL_SEAT|2026-12-09|10:00")), eq(60), eq(true));
    }

    @Test
    void an_insert_error_with_the_booking_stored_after_all_keeps_its_claims_and_answers_it() {
        when(claims.claimAll(anyList(), anyString(), anyInt())).thenReturn(true);
        org.mockito.Mockito.doThrow(new IllegalStateException("socket timeout")).when(bookings).insert(any());
        when(bookings.findById(anyString())).thenAnswer(i -> Optional.of(new Document("_id", i.getArgument(0))));

        Document d = placement.place(order);

        assertThat(d.getString("_id")).isNotBlank();
        verify(claims, never()).releaseAll(anyList(), anyString());
        verify(days, never()).release(anyString(), anyString(), anyList(), anyInt(), anyBoolean());
    }

    @Test
    void an_insert_error_whose_outcome_is_unknown_leaves_the_claims_for_the_sweep() {
        when(claims.claimAll(anyList(), anyString(), anyInt())).thenReturn(true);
        org.mockito.Mockito.doThrow(new IllegalStateException("socket timeout")).when(bookings).insert(any());
        when(bookings.findById(anyString())).thenThrow(new IllegalStateException("still down"));

        assertThatThrownBy(() -> placement.place(order)).hasMessage("socket timeout");

        verify(claims, never()).releaseAll(anyList(), anyString());
        verify(days, never()).release(anyString(), anyString(), anyList(), anyInt(), anyBoolean());
    }

    @Test
    void an_insert_error_with_nothing_stored_gives_everything_back() {
        when(claims.claimAll(anyList(), anyString(), anyInt())).thenReturn(true);
        org.mockito.Mockito.doThrow(new IllegalStateException("refused")).when(bookings).insert(any());
        when(bookings.findById(anyString())).thenReturn(Optional.empty());

        assertThatThrownBy(() -> placement.place(order)).hasMessage("refused");

        verify(claims).releaseAll(anyList(), anyString());
        verify(days).release(anyString(), anyString(), anyList(), eq(60), eq(true));
    }
}
