package org.baeum.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.baeum.base.scheduling.DueWork;
import org.baeum.notification.NotificationChannel;
import org.junit.jupiter.api.Test;

/** A delivery run that comes after the portal began to stop ends quietly, leaving what is due for the next start. */
class DeliveryShutdownTest {

    @Test
    @SuppressWarnings("unchecked")
    void a_run_after_the_shutdown_starts_no_round_and_leaves_the_due_rows() {
        OutboxRepository outbox = mock(OutboxRepository.class);
        DueWork<OutboxDocument> due = mock(DueWork.class);
        when(outbox.due()).thenReturn(due);
        when(due.dueIds(Delivery.ROUND)).thenReturn(List.of("row-1", "row-2"));
        NotificationChannel mail = mock(NotificationChannel.class);
        when(mail.name()).thenReturn("mail");
        Delivery delivery = new Delivery(outbox, List.of(mail),
                new NotificationSettings(2, 10, Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofMinutes(1)),
                Clock.systemUTC(), new org.baeum.base.scheduling.Foreground(4, Duration.ZERO));

        delivery.destroy();
        Delivery.Result result = delivery.deliverDue();

        // before: the next round's workers were refused by the stopped pool and the job failed with an error
        assertThat(result.done()).isZero();
        verify(due, never()).claim(org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.anyString());
    }
}
