package org.baeum.closure.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.baeum.account.AccountId;
import org.baeum.account.AccountService;
import org.baeum.base.domain.Masking;
import org.baeum.booking.Bookable;
import org.baeum.booking.Bookables;
import org.baeum.booking.Booking;
import org.baeum.booking.Bookings;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.ClassSession;
import org.baeum.catalog.Offering;
import org.baeum.catalog.OfferingId;
import org.baeum.catalog.RoomSessions;
import org.baeum.catalog.Term;
import org.baeum.closure.ClosureImpact;
import org.baeum.closure.ClosureImpact.BookingHit;
import org.baeum.closure.ClosureImpact.ClubSlotHit;
import org.baeum.closure.ClosureImpact.OfferHit;
import org.baeum.closure.ClosureImpact.SessionHit;
import org.baeum.closure.ClosureParticipants;
import org.baeum.closure.ClosureParticipants.OpenOffer;
import org.baeum.closure.ClosureParticipants.Participant;
import org.baeum.closure.ClosureRequest;
import org.baeum.closure.SessionChoice;
import org.baeum.closure.internal.ClosurePlanRepository.Move;
import org.baeum.closure.internal.ClosurePlanRepository.OfferingEffect;
import org.baeum.closure.internal.ClosurePlanRepository.PersonEffect;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Works out what a closure changes (decision 0043): the class sessions in the place within its days (and hours), the
 * make-up days of moved ones, the refund of cancelled ones, the bookings and club slots it meets, the open offers
 * whose deadline falls inside, and who is affected. The preview shows it; the declared plan stores it and the apply
 * step does exactly that. Runs as the caller (STAFF) or the portal.
 */
@Component
class ClosureImpacts {

    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    /** How far after the closure offers are looked at (offerings meeting in the place until then). */
    static final int OFFER_HORIZON_DAYS = 180;

    /** The impact with what apply needs per offering and per person. */
    record Computed(ClosureImpact impact, List<OfferingEffect> offerings, List<PersonEffect> people) {
    }

    private final RoomSessions roomSessions;
    private final CatalogService catalog;
    private final ObjectProvider<Bookings> bookings;
    private final ObjectProvider<ClosureParticipants> participants;
    private final AccountService accounts;
    private final MakeUpDates makeUps;
    private final ObjectProvider<Bookables> resources;

    ClosureImpacts(RoomSessions roomSessions, CatalogService catalog, ObjectProvider<Bookings> bookings,
                   ObjectProvider<ClosureParticipants> participants, AccountService accounts, MakeUpDates makeUps,
                   ObjectProvider<Bookables> resources) {
        this.resources = resources;
        this.roomSessions = roomSessions;
        this.catalog = catalog;
        this.bookings = bookings;
        this.participants = participants;
        this.accounts = accounts;
        this.makeUps = makeUps;
    }

    Computed compute(ClosureRequest r, ClosureTarget target, LocalDate today) {
        LocalTime from = r.fromTime();
        LocalTime to = r.toTime();
        Map<String, List<ClassSession>> hitsByOffering = new LinkedHashMap<>();
        for (ClassSession s : roomSessions.between(target.branchId(), target.room(), r.firstDay(), r.lastDay())) {
            if (from == null || s.start().isBefore(to) && from.isBefore(s.end())) {
                hitsByOffering.computeIfAbsent(s.offeringId().value(), k -> new ArrayList<>()).add(s);
            }
        }
        Map<String, Term> terms = catalog.terms().stream().collect(Collectors.toMap(t -> t.id().value(),
                Function.identity(), (a, b) -> a));
        ClosureParticipants enrolment = participants.getObject();
        MakeUpDates.Taken taken = new MakeUpDates.Taken();
        List<SessionHit> sessionHits = new ArrayList<>();
        List<OfferingEffect> effects = new ArrayList<>();
        Map<String, PersonBuilder> people = new TreeMap<>();
        for (var entry : hitsByOffering.entrySet()) {
            Offering o = catalog.offering(new OfferingId(entry.getKey())).orElse(null);
            if (o == null) {
                continue;
            }
            List<LocalDate> hitDays = entry.getValue().stream().map(ClassSession::date).distinct().sorted().toList();
            SessionChoice choice = r.offerings().get(o.id().value());
            List<Move> moves = List.of();
            List<LocalDate> cancelled = hitDays;
            if (choice == SessionChoice.MOVE) {
                String branch = entry.getValue().getFirst().branchId();
                List<LocalDate> proposed = makeUps.propose(o, branch, terms.get(o.termId().value()), hitDays,
                        r.lastDay(), taken);
                moves = new ArrayList<>();
                for (int i = 0; i < hitDays.size(); i++) {
                    moves.add(new Move(hitDays.get(i), proposed.get(i)));
                }
                // a session with no free make-up day is cancelled (and refunded) instead
                cancelled = moves.stream().filter(m -> m.to() == null).map(Move::from).toList();
                moves = moves.stream().filter(m -> m.to() != null).toList();
            }
            List<Participant> enrolled = enrolment.participants(o.id().value());
            long refund = enrolment.quote(o.program().fee(), o.sessionDates(), cancelled);
            Map<LocalDate, LocalDate> moveOf = moves.stream().collect(Collectors.toMap(Move::from, Move::to));
            for (ClassSession s : entry.getValue()) {
                LocalDate makeUp = moveOf.get(s.date());
                sessionHits.add(new SessionHit(o.id().value(), s.titleKo(), s.date(), s.start(), s.end(),
                        enrolled.size(), choice, makeUp, makeUp == null ? refund : 0));
            }
            effects.add(new OfferingEffect(o.id().value(), s(entry).titleKo(), s(entry).titleEn(), choice,
                    o.schedule().startTime(), o.schedule().endTime(), o.sessionDates(), cancelled, moves, enrolled));
            for (Participant p : enrolled) {
                person(people, p.accountId()).enrollments.add(p.enrollmentId());
            }
        }
        List<BookingHit> bookingHits = new ArrayList<>();
        List<ClubSlotHit> clubHits = new ArrayList<>();
        for (Booking b : bookingsMet(r, target)) {
            if (b.clubId() != null) {
                clubHits.add(new ClubSlotHit(b.clubId(), b.purpose() == null ? b.clubId() : b.purpose(), b.id(),
                        b.date(), b.start(), b.end()));
            } else {
                bookingHits.add(new BookingHit(b.id(), b.bookableId(), bookableName(b.bookableId()), b.date(),
                        b.start(), b.end(), masked(b.accountId())));
            }
            person(people, b.accountId()).bookings.add(b.id());
        }
        List<OfferHit> offerHits = offers(r, target, today, enrolment, people, effects);
        List<PersonEffect> persons = people.values().stream().map(PersonBuilder::build).toList();
        sessionHits.sort(Comparator.comparing(SessionHit::date).thenComparing(SessionHit::start)
                .thenComparing(SessionHit::offeringId));
        return new Computed(new ClosureImpact(sessionHits, bookingHits, offerHits, clubHits, persons.size()), effects,
                persons);
    }

    /**
     * The active bookings the closure meets: of the resources in the room, the branch or everywhere; for a facility,
     * those of the room with its id and of the resource with its id (a seat area the calendar offers as a facility).
     */
    private List<Booking> bookingsMet(ClosureRequest r, ClosureTarget target) {
        Bookings desk = bookings.getIfAvailable();
        if (desk == null) {
            return List.of();
        }
        Map<String, Booking> met = new LinkedHashMap<>();
        desk.within(target.branchId(), target.room(), null, r.firstDay(), r.lastDay(), r.fromTime(), r.toTime())
                .forEach(b -> met.putIfAbsent(b.id(), b));
        if (target.scope() == org.baeum.calendar.ClosureScope.FACILITY) {
            desk.within(target.branchId(), null, target.placeId(), r.firstDay(), r.lastDay(), r.fromTime(), r.toTime())
                    .forEach(b -> met.putIfAbsent(b.id(), b));
        }
        return met.values().stream().sorted(Comparator.comparing(Booking::date).thenComparing(Booking::start)
                .thenComparing(Booking::id)).toList();
    }

    private String bookableName(String bookableId) {
        Bookables known = resources.getIfAvailable();
        return known == null ? bookableId : known.bookable(bookableId).map(Bookable::nameKo).orElse(bookableId);
    }

    private static ClassSession s(Map.Entry<String, List<ClassSession>> entry) {
        return entry.getValue().getFirst();
    }

    /**
     * Open offers of the classes meeting in the place whose deadline falls inside the closure, each moved after it
     * but never later than the offer rules allow before the class's first session as the closure leaves it; an offer
     * the rules give no later deadline keeps its own (and is not listed).
     */
    private List<OfferHit> offers(ClosureRequest r, ClosureTarget target, LocalDate today, ClosureParticipants enrolment,
                                  Map<String, PersonBuilder> people, List<OfferingEffect> effects) {
        Map<String, OfferingEffect> effectOf = effects.stream()
                .collect(Collectors.toMap(OfferingEffect::offeringId, Function.identity(), (a, b) -> a));
        LocalDate horizon = r.lastDay().plusDays(OFFER_HORIZON_DAYS);
        LocalDate from = today.isBefore(r.firstDay()) ? today : r.firstDay();
        if (from.plusDays(RoomSessions.MAX_DAYS).isBefore(horizon)) {
            horizon = from.plusDays(RoomSessions.MAX_DAYS);
        }
        List<OfferHit> hits = new ArrayList<>();
        roomSessions.between(target.branchId(), target.room(), from, horizon).stream()
                .map(s -> s.offeringId().value()).distinct().forEach(offeringId -> {
                    List<OpenOffer> open = enrolment.openOffers(offeringId);
                    Instant limit = open.isEmpty() ? null : offerLimit(offeringId, effectOf.get(offeringId), enrolment);
                    for (OpenOffer offer : open) {
                        Optional<Instant> moved = newDeadline(r, offer.deadline())
                                .flatMap(m -> capped(m, offer.deadline(), limit));
                        if (moved.isPresent()) {
                            hits.add(new OfferHit(offer.enrollmentId(), offeringId, offer.title(), offer.deadline(),
                                    moved.get()));
                            person(people, offer.accountId()).offers.add(offer.enrollmentId());
                        }
                    }
                });
        hits.sort(Comparator.comparing(OfferHit::deadline).thenComparing(OfferHit::enrollmentId));
        return hits;
    }

    /**
     * The deadline after the closure when it falls inside: whole days, the same time on the day after the last day;
     * hours, later on the same day by the hours' length (after they end). Empty when it is outside.
     */
    static Optional<Instant> newDeadline(ClosureRequest r, Instant deadline) {
        LocalDateTime at = LocalDateTime.ofInstant(deadline, SEOUL);
        LocalDate day = at.toLocalDate();
        if (day.isBefore(r.firstDay()) || day.isAfter(r.lastDay())) {
            return Optional.empty();
        }
        if (r.fromTime() == null) {
            return Optional.of(r.lastDay().plusDays(1).atTime(at.toLocalTime()).atZone(SEOUL).toInstant());
        }
        LocalTime time = at.toLocalTime();
        if (time.isBefore(r.fromTime()) || !time.isBefore(r.toTime())) {
            return Optional.empty();
        }
        return Optional.of(at.plus(java.time.Duration.between(r.fromTime(), r.toTime())).atZone(SEOUL).toInstant());
    }

    /**
     * The latest deadline the offer rules allow for an offering's offers: their time before its first session once
     * the closure has cancelled and moved its days; null when no session is left (nothing to cap against).
     */
    private Instant offerLimit(String offeringId, OfferingEffect effect, ClosureParticipants enrolment) {
        Offering o = catalog.offering(new OfferingId(offeringId)).orElse(null);
        if (o == null) {
            return null;
        }
        java.util.TreeSet<LocalDate> days = new java.util.TreeSet<>(o.sessionDates());
        if (effect != null) {
            effect.cancelled().forEach(days::remove);
            effect.moves().forEach(m -> {
                days.remove(m.from());
                days.add(m.to());
            });
        }
        return days.isEmpty() ? null
                : enrolment.latestOfferDeadline(days.first().atTime(o.schedule().startTime()).atZone(SEOUL).toInstant());
    }

    /**
     * A moved deadline no later than {@code limit} (null: none); empty when that is not after the old deadline (the
     * rules leave no later time, so the offer keeps its deadline rather than losing time).
     */
    static Optional<Instant> capped(Instant moved, Instant old, Instant limit) {
        Instant at = limit != null && moved.isAfter(limit) ? limit : moved;
        return at.isAfter(old) ? Optional.of(at) : Optional.empty();
    }

    private String masked(String accountId) {
        return accounts.account(new AccountId(accountId)).map(a -> Masking.name(a.displayName())).orElse("-");
    }

    private static PersonBuilder person(Map<String, PersonBuilder> people, String accountId) {
        return people.computeIfAbsent(accountId, PersonBuilder::new);
    }

    private static final class PersonBuilder {
        final String accountId;
        final List<String> enrollments = new ArrayList<>();
        final List<String> bookings = new ArrayList<>();
        final List<String> offers = new ArrayList<>();

        PersonBuilder(String accountId) {
            this.accountId = accountId;
        }

        PersonEffect build() {
            return new PersonEffect(accountId, List.copyOf(enrollments), List.copyOf(bookings), List.copyOf(offers));
        }
    }
}
