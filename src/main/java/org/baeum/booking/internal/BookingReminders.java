package org.baeum.booking.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.baeum.base.i18n.Formats;
import org.baeum.base.security.SystemIdentity;
import org.baeum.booking.Booking;
import org.baeum.booking.BookingStatus;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Booking reminders (decision 0050), run by the {@code booking-reminders} job in two steps, each safe to repeat and to
 * run on two portals at once:
 * <ol>
 *   <li>plan: every confirmed citizen's booking of today or tomorrow not planned yet gets its due items, one
 *       day-before item per household and day (due the day before at {@code baeum.booking.reminders.day-before-at},
 *       18:00) and one item before its start ({@code baeum.booking.reminders.before-start}, 30 minutes); an item
 *       whose time had passed when the booking was made or approved is not planned (the booker just acted);</li>
 *   <li>send: each due item, claimed, checks what still holds now: the day-before mail lists the household's
 *       confirmed bookings of that day (none left: no mail; the day begun: too late), the mail before the start goes
 *       only while the booking is confirmed, at the same resource and time, before its start. The household's choice
 *       of reminders is read then. The mail is queued under a key per household and day, or per booking, and kind,
 *       and only then is the item marked done: a crash in between leaves the item claimed until its lease runs out,
 *       the next run queues it again, and the key adds nothing, so nothing is sent twice.</li>
 * </ol>
 */
@Component
public class BookingReminders {

    private static final Logger log = LoggerFactory.getLogger(BookingReminders.class);
    private static final int BATCH = 500;

    private final ReminderStore store;
    private final ReminderMail mail;
    private final Clock clock;
    private final LocalTime dayBeforeAt;
    private final Duration beforeStart;
    private final String owner = "booking-reminders-" + UUID.randomUUID();
    private volatile Consumer<ReminderStore.Item> crashPoint = item -> { };

    BookingReminders(ReminderStore store, ReminderMail mail, Clock clock,
                     @Value("${baeum.booking.reminders.day-before-at:18:00}") String dayBeforeAt,
                     @Value("${baeum.booking.reminders.before-start:30m}") Duration beforeStart) {
        this.store = store;
        this.mail = mail;
        this.clock = clock;
        this.dayBeforeAt = LocalTime.parse(dayBeforeAt);
        this.beforeStart = beforeStart;
    }

    /** Plans and sends what is due, as the portal; answers how many items it planned and handled. */
    public int run() {
        return SystemIdentity.call(() -> plan() + sendDue());
    }

    /** Items waiting, for the jobs view and tests. */
    public long pending() {
        return store.pending();
    }

    int plan() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, Formats.SEOUL);
        int planned = 0;
        for (Document d : store.unplanned(today, today.plusDays(1), BATCH)) {
            Booking b = BookingRepository.toBooking(d);
            Instant since = Optional.ofNullable(BookingRepository.instant(d, "updatedAt")).orElse(b.createdAt());
            Instant dayDue = b.date().minusDays(1).atTime(dayBeforeAt).atZone(Formats.SEOUL).toInstant();
            if (since != null && since.isBefore(dayDue) && now.isBefore(dayStart(b.date()))
                    && store.planDay(b.accountId(), b.date(), dayDue)) {
                planned++;
            }
            Instant soonDue = b.startAt().minus(beforeStart);
            if (since != null && since.isBefore(soonDue) && now.isBefore(b.startAt())
                    && store.planSoon(b.id(), b.accountId(), b.startAt(), soonDue)) {
                planned++;
            }
            store.planned(b.id());
        }
        return planned;
    }

    int sendDue() {
        int handled = 0;
        for (Object id : store.dueIds(BATCH)) {
            Optional<ReminderStore.Item> claimed = store.claim(id, owner);
            if (claimed.isEmpty()) {
                continue; // another run took it
            }
            ReminderStore.Item item = claimed.get();
            try {
                send(item);
                crashPoint.accept(item);
                store.complete(item.id(), owner);
                handled++;
            } catch (RuntimeException e) {
                log.warn("Booking reminder {} failed, retrying in a minute: {}", item.id(), e.toString());
                store.retry(item.id(), owner, clock.instant().plus(Duration.ofMinutes(1)), e.toString());
            }
        }
        return handled;
    }

    private void send(ReminderStore.Item item) {
        Instant now = clock.instant();
        if (ReminderStore.DAY.equals(item.kind())) {
            if (!now.isBefore(dayStart(item.date()))) {
                log.info("Day-before reminder {} not sent: the day has begun", item.id());
                return;
            }
            List<Booking> day = store.confirmedOn(item.accountId(), item.date()).stream()
                    .map(d -> BookingRepository.toBooking(d).masked()).toList();
            if (!day.isEmpty()) {
                mail.dayBefore(item.accountId(), item.date(), day);
            }
            return;
        }
        Optional<Booking> booking = store.booking(item.bookingId()).map(d -> BookingRepository.toBooking(d).masked());
        if (booking.isEmpty() || booking.get().status() != BookingStatus.CONFIRMED
                || !booking.get().startAt().equals(item.startAt()) || !now.isBefore(item.startAt())) {
            log.info("Reminder {} not sent: the booking is no longer confirmed at that time, or it has begun",
                    item.id());
            return;
        }
        mail.starting(booking.get());
    }

    /** A deleted account's reminder items go with it: they name the household (its bookings are cancelled too). */
    @org.springframework.context.event.EventListener
    void accountDeleted(org.baeum.account.AccountEvents.AccountDeleted deleted) {
        long gone = store.deleteOf(deleted.account().value());
        if (gone > 0) {
            log.info("Account {} deleted: {} booking reminder item(s) deleted", deleted.account().value(), gone);
        }
    }

    private static Instant dayStart(LocalDate date) {
        return date.atStartOfDay(Formats.SEOUL).toInstant();
    }

    /**
     * For tests: runs after an item's mail was queued and before the item is marked done; a test makes it throw an
     * {@link Error} to "crash" there (the item stays claimed until its lease runs out).
     */
    void crashAfterQueueing(Consumer<ReminderStore.Item> point) {
        this.crashPoint = point == null ? item -> { } : point;
    }
}
