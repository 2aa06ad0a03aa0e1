package org.baeum.booking.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.baeum.account.AccountEvents;
import org.baeum.account.ParticipantId;
import org.baeum.base.domain.PersonalDataContributor;
import org.baeum.booking.Bookable;
import org.baeum.booking.BookingStatus;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Booking's part of a citizen's privacy rights (decision 0042, "Account deletion"): their bookings in the data
 * download, and on account deletion their active bookings cancelled (the way a cancellation ends one: guarded status,
 * then {@link Placement#settle}), every booking of theirs kept for statistics under new opaque ids, their no-show
 * marks, person holds and quota counters deleted. Each step is safe to repeat: a second event finds nothing.
 */
@Component
class BookingPrivacy implements PersonalDataContributor {

    private static final Logger log = LoggerFactory.getLogger(BookingPrivacy.class);
    static final String DELETED = "account-deleted";
    private static final List<String> BY_FIELDS = List.of("cancelledBy", "checkedInBy", "decidedBy");

    private final BookingRepository bookings;
    private final BookableRepository bookables;
    private final Placement placement;
    private final NoShowStore marks;
    private final PersonHolds holds;
    private final QuotaCounters quotas;
    private final PersonDays days;
    private final Clock clock;

    BookingPrivacy(BookingRepository bookings, BookableRepository bookables, Placement placement, NoShowStore marks,
                   PersonHolds holds, QuotaCounters quotas, PersonDays days, Clock clock) {
        this.bookings = bookings;
        this.bookables = bookables;
        this.placement = placement;
        this.marks = marks;
        this.holds = holds;
        this.quotas = quotas;
        this.days = days;
        this.clock = clock;
    }

    @EventListener
    void accountDeleted(AccountEvents.AccountDeleted deleted) {
        String account = deleted.account().value();
        Set<String> people = new LinkedHashSet<>();
        people.add(account);
        deleted.participants().stream().map(ParticipantId::value).forEach(people::add);
        List<Document> theirs = new ArrayList<>();
        bookings.ofPeople(account, people).forEach(theirs::add);
        int cancelled = 0;
        for (Document d : theirs) {
            if (end(d)) {
                cancelled++;
            }
        }
        // one new opaque id per person, the same for all their bookings of this deletion
        Map<String, String> opaque = new HashMap<>();
        int anonymised = 0;
        for (Document d : theirs) {
            String oldAccount = d.getString("accountId");
            String oldParticipant = d.getString("participantId");
            String newAccount = people.contains(oldAccount) ? opaque.computeIfAbsent(oldAccount, k -> newId())
                    : oldAccount;
            String newParticipant = people.contains(oldParticipant)
                    ? opaque.computeIfAbsent(oldParticipant, k -> newId()) : oldParticipant;
            List<String> by = BY_FIELDS.stream().filter(f -> people.contains(d.getString(f))).toList();
            if (bookings.anonymise(d.getString("_id"), oldAccount, oldParticipant, newAccount, newParticipant, by)) {
                anonymised++;
            }
        }
        long markCount = marks.deleteOf(account, people);
        long holdCount = 0;
        long counters = 0;
        for (String person : people) {
            holdCount += holds.deleteOf(person);
            counters += quotas.deleteOf(person) + days.deleteOf(person);
        }
        log.info("Account {} deleted: {} booking(s) cancelled, {} anonymised, {} no-show mark(s), {} hold(s), "
                + "{} quota counter(s) deleted", account, cancelled, anonymised, markCount, holdCount, counters);
    }

    /**
     * Cancels an active booking that has not ended, then settles it (slots, holds, quota back once); an ended one that
     * was not settled yet is settled too, so nothing it holds outlives the person's ids. True when this cancelled it.
     */
    private boolean end(Document d) {
        String id = d.getString("_id");
        Instant now = clock.instant();
        for (int attempt = 0; attempt < 3; attempt++) {
            BookingStatus status = BookingStatus.valueOf(d.getString("status"));
            if (!status.active()) {
                if (Boolean.FALSE.equals(d.getBoolean("settled"))) {
                    placement.settle(d);
                }
                return false;
            }
            if (status == BookingStatus.CHECKED_IN && !now.isBefore(BookingRepository.instant(d, "endAt"))) {
                return false; // used and over: kept as it is
            }
            Optional<Document> after = bookings.transition(id, List.of(status), BookingStatus.CANCELLED,
                    new Document("cancelledBy", DELETED), now);
            if (after.isPresent()) {
                placement.settle(after.get());
                d.putAll(after.get());
                return true;
            }
            Optional<Document> again = bookings.findById(id); // it changed meanwhile (checked in, swept): look again
            if (again.isEmpty()) {
                return false;
            }
            d.putAll(again.get());
        }
        log.warn("Booking {} kept changing while its account was deleted; left as it is", id);
        return false;
    }

    private static String newId() {
        return "anon-" + UUID.randomUUID();
    }

    @Override
    public Map<String, List<Map<String, Object>>> personalData(String householdAccountId) {
        List<Map<String, Object>> rows = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        for (Document d : bookings.ofPeople(householdAccountId, List.of(householdAccountId))) {
            String bookableId = d.getString("bookableId");
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", d.getString("_id"));
            row.put("resource", names.computeIfAbsent(bookableId,
                    k -> bookables.findById(k).map(Bookable::nameKo).orElse(k)));
            row.put("participant", d.getString("participantId"));
            row.put("date", d.getString("date"));
            row.put("start", d.getString("start"));
            row.put("end", d.getString("end"));
            row.put("status", d.getString("status"));
            row.put("code", d.getString("code"));
            row.put("purpose", d.getString("purpose"));
            row.put("createdAt", BookingRepository.instant(d, "createdAt"));
            rows.add(row);
        }
        rows.sort(java.util.Comparator.comparing(r -> r.get("date") + " " + r.get("start")));
        return Map.of("bookings", rows);
    }
}
