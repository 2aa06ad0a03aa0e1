package org.baeum.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.after;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.baeum.base.scheduling.DueWork;
import org.baeum.base.scheduling.Foreground;
import org.baeum.base.scheduling.HeldRequests;
import org.baeum.notification.NotificationChannel;
import org.junit.jupiter.api.Test;

/**
 * A delivery run on a busy instance waits for the requests in flight before it looks for due mail, and never longer
 * than its bound (decision 0064).
 */
class DeliveryYieldTest {

    private final OutboxRepository outbox = mock(OutboxRepository.class);
    @SuppressWarnings("unchecked")
    private final DueWork<OutboxDocument> due = mock(DueWork.class);

    private Delivery delivery(Foreground foreground) {
        when(outbox.due()).thenReturn(due);
        when(due.dueIds(anyInt())).thenReturn(List.of());
        NotificationChannel mail = mock(NotificationChannel.class);
        when(mail.name()).thenReturn("mail");
        return new Delivery(outbox, List.of(mail),
                new NotificationSettings(2, 10, Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofMinutes(1)),
                Clock.systemUTC(), foreground);
    }

    @Test
    void a_run_on_a_busy_instance_looks_for_due_mail_only_once_the_requests_are_answered() throws Exception {
        Foreground foreground = new Foreground(1, Duration.ofSeconds(30));
        CountDownLatch answer = new CountDownLatch(1);
        CompletableFuture<Void> request = HeldRequests.hold(foreground, answer);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(foreground::busy);
        Delivery delivery = delivery(foreground);

        CompletableFuture<Delivery.Result> run = CompletableFuture.supplyAsync(delivery::deliverDue);

        verify(due, after(300).never()).dueIds(anyInt());
        assertThat(run).isNotDone();
        answer.countDown();
        request.get(5, TimeUnit.SECONDS);
        verify(due, timeout(5_000)).dueIds(Delivery.ROUND);
        assertThat(run.get(5, TimeUnit.SECONDS).done()).isZero();
        delivery.destroy();
    }

    @Test
    void a_run_goes_on_after_its_bound_however_busy_the_instance_stays() throws Exception {
        CountDownLatch answer = new CountDownLatch(1);
        Foreground foreground = HeldRequests.busy(Duration.ofMillis(300), answer);
        Delivery delivery = delivery(foreground);

        long started = System.nanoTime();
        delivery.deliverDue();

        verify(due).dueIds(Delivery.ROUND);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isGreaterThanOrEqualTo(250);
        assertThat(foreground.busy()).isTrue();
        answer.countDown();
        delivery.destroy();
    }
}
