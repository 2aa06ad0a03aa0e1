package org.baeum.booking.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.baeum.account.HouseholdService;
import org.baeum.account.Participant;
import org.baeum.account.ParticipantId;
import org.baeum.base.audit.AccessAction;
import org.baeum.base.audit.AccessLog;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.SystemIdentity;
import org.baeum.booking.Bookable;
import org.baeum.booking.Booking;
import org.baeum.booking.BookingNotFoundException;
import org.baeum.booking.BookingRefusal;
import org.baeum.booking.BookingRefusedException;
import org.baeum.booking.BookingEvents;
import org.baeum.booking.BookingRequest;
import org.baeum.booking.BookingStatus;
import org.baeum.booking.Bookings;
import org.baeum.booking.NoShowRule;
import org.baeum.booking.Standing;
import org.baeum.base.i18n.Formats;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** {@link Bookings}: booking, cancelling, checking in, approving (decision 0042). */
@Service
class BookingService implements Bookings {

    private static final Logger log = LoggerFactory.getLogger(BookingService.class);
    private static final String STAFF = "hasAnyRole('STAFF','ADMIN')";
    private static final String PEOPLE = "hasAnyRole('CITIZEN','STAFF','ADMIN')";
    /** STAFF check a booking in from this long before its start. */
    static final Duration DESK_EARLY = Duration.ofMinutes(30);

    private final BookingRepository bookings;
    private final BookableRepository bookables;
    private final Requests requests;
    private final Placement placement;
    private final NoShows noShows;
    private final BookingAccess access;
    private final HouseholdService households;
    private final AccessLog accessLog;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    BookingService(BookingRepository bookings, BookableRepository bookables, Requests requests, Placement placement,
                   NoShows noShows, BookingAccess access, HouseholdService households, AccessLog accessLog, Clock clock,
                   ApplicationEventPublisher events) {
        this.events = events;
        this.bookings = bookings;
        this.bookables = bookables;
        this.requests = requests;
        this.placement = placement;
        this.noShows = noShows;
        this.access = access;
        this.households = households;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    @Override
    @PreAuthorize("hasRole('CITIZEN')")
    public Booking book(BookingRequest request) {
        BaeumUser user = access.user();
        String participant = request == null || request.participantId() == null ? user.accountId()
                : request.participantId();
        if (!participant.equals(user.accountId()) && households.myParticipants().stream()
                .noneMatch(p -> p.active() && p.id().value().equals(participant))) {
            throw InvalidInputException.of("participantId", "validation.unknown");
        }
        Placement.Order order = requests.order(request, user.accountId(), participant, null, null, true);
        Document d = placement.place(order);
        log.info("Booking {} of bookable {} by account {}: {} {}-{} {}", d.getString("_id"), order.bookable().id(),
                user.accountId(), order.date(), order.start(), order.end(), order.status());
        Booking booked = BookingRepository.toBooking(d);
        events.publishEvent(new BookingEvents.BookingPlaced(booked.masked()));
        return booked;
    }

    @Override
    @PreAuthorize(SystemIdentity.ONLY)
    public Booking place(BookingRequest request, String accountId, String clubId, BookingStatus status) {
        if (status != BookingStatus.CONFIRMED && status != BookingStatus.REQUESTED) {
            throw new IllegalArgumentException("a placed booking is CONFIRMED or REQUESTED: " + status);
        }
        String participant = request.participantId() == null ? accountId : request.participantId();
        Placement.Order order = requests.order(request, accountId, participant, clubId, status, false);
        Document d = placement.place(order);
        log.info("Booking {} of bookable {} placed for account {} (club {}): {} {}-{} {}", d.getString("_id"),
                order.bookable().id(), accountId, clubId, order.date(), order.start(), order.end(), status);
        Booking placed = BookingRepository.toBooking(d);
        events.publishEvent(new BookingEvents.BookingPlaced(placed.masked()));
        return placed;
    }

    @Override
    @PreAuthorize(PEOPLE)
    public Booking cancel(String bookingId) {
        Document d = access.owned(bookingId);
        BaeumUser user = access.user();
        boolean staff = BookingAccess.staff(user);
        BookingStatus status = BookingStatus.valueOf(d.getString("status"));
        Instant now = clock.instant();
        // a citizen until the resource's deadline; a whole day booked after it began until its check-in window closes
        Instant deadline = staff ? BookingRepository.instant(d, "endAt")
                : BookingRepository.toBooking(d).cancelUntil(rules(d), noShows.rule().graceMinutes());
        boolean cancellable = status == BookingStatus.REQUESTED || status == BookingStatus.CONFIRMED
                || staff && status == BookingStatus.CHECKED_IN;
        if (!cancellable || !now.isBefore(deadline)) {
            throw new BookingRefusedException(BookingRefusal.TOO_LATE);
        }
        boolean forHousehold = staff && !user.accountId().equals(d.getString("accountId"));
        Document after = bookings.transition(bookingId, List.of(status), BookingStatus.CANCELLED,
                        new Document("cancelledBy", user.accountId()), now, BookingMail.owedOnCancel(d,
                                forHousehold ? BookingEvents.CancelledBy.STAFF : BookingEvents.CancelledBy.BOOKER))
                .orElseThrow(() -> new BookingRefusedException(BookingRefusal.TOO_LATE));
        placement.settle(after);
        if (forHousehold) {
            accessLog.record(AccessAction.ASSISTED_ACTION, d.getString("accountId"), "cancel booking " + bookingId);
        }
        log.info("Booking {} of bookable {} cancelled by account {}", bookingId, d.getString("bookableId"),
                user.accountId());
        Booking cancelled = BookingRepository.toBooking(after);
        events.publishEvent(new BookingEvents.BookingCancelled(cancelled.masked(),
                forHousehold ? BookingEvents.CancelledBy.STAFF : BookingEvents.CancelledBy.BOOKER));
        return shown(cancelled, user);
    }

    @Override
    @PreAuthorize("hasRole('CITIZEN')")
    public List<Booking> mine(LocalDate from) {
        LocalDate since = from == null ? noShows.today() : from;
        return bookings.ofHousehold(access.user().accountId(), since, 500).stream().map(BookingRepository::toBooking)
                .toList();
    }

    @Override
    @PreAuthorize(PEOPLE)
    public Optional<Booking> booking(String bookingId) {
        try {
            return Optional.of(shown(BookingRepository.toBooking(access.owned(bookingId)), access.user()));
        } catch (BookingNotFoundException e) {
            return Optional.empty();
        }
    }

    @Override
    @PreAuthorize(PEOPLE)
    public Booking checkIn(String bookingId) {
        Document d = access.owned(bookingId);
        BaeumUser user = access.user();
        Instant now = clock.instant();
        // STAFF from half an hour before the start, the booker from the start; both until the grace ends, when the
        // sweep releases the booking as a no-show (the same instant, so no check-in depends on whether it ran yet)
        Instant from = BookingAccess.staff(user) ? BookingRepository.instant(d, "startAt").minus(DESK_EARLY)
                : BookingRepository.instant(d, "startAt");
        Instant until = BookingRepository.instant(d, "presentFrom")
                .plus(Duration.ofMinutes(noShows.rule().graceMinutes()));
        if (!BookingStatus.CONFIRMED.name().equals(d.getString("status")) || now.isBefore(from) || !now.isBefore(until)) {
            throw new BookingRefusedException(BookingRefusal.TOO_LATE);
        }
        Document after = bookings.transition(bookingId, List.of(BookingStatus.CONFIRMED), BookingStatus.CHECKED_IN,
                        new Document("checkedInAt", java.util.Date.from(now)).append("checkedInBy", user.accountId()), now)
                .orElseThrow(() -> new BookingRefusedException(BookingRefusal.TOO_LATE));
        log.info("Booking {} of bookable {} checked in by account {}", bookingId, d.getString("bookableId"),
                user.accountId());
        return shown(BookingRepository.toBooking(after), user);
    }

    @Override
    @PreAuthorize(STAFF)
    public Booking approve(String bookingId) {
        Document d = bookings.findById(bookingId).orElseThrow(BookingNotFoundException::new);
        if (!clock.instant().isBefore(BookingRepository.instant(d, "startAt"))) {
            throw new BookingRefusedException(BookingRefusal.TOO_LATE); // the sweep ends a request at its start
        }
        String by = access.user().accountId();
        Document after = bookings.transition(bookingId, List.of(BookingStatus.REQUESTED), BookingStatus.CONFIRMED,
                        new Document("decidedBy", by), clock.instant(), BookingMail.owedOnDecision(d))
                .orElseThrow(() -> new BookingRefusedException(BookingRefusal.TOO_LATE));
        log.info("Booking {} of bookable {} approved by account {}", bookingId, d.getString("bookableId"), by);
        Booking approved = BookingRepository.toBooking(after).masked();
        events.publishEvent(new BookingEvents.BookingDecided(approved, null));
        return approved;
    }

    @Override
    @PreAuthorize(STAFF)
    public Booking refuse(String bookingId, String reason) {
        Document d = bookings.findById(bookingId).orElseThrow(BookingNotFoundException::new);
        if (reason == null || reason.isBlank()) {
            throw InvalidInputException.of("reason", "validation.required");
        }
        if (reason.strip().length() > Requests.MAX_PURPOSE) {
            throw InvalidInputException.of("reason", "validation.tooLong", Requests.MAX_PURPOSE);
        }
        String by = access.user().accountId();
        Document after = bookings.transition(bookingId, List.of(BookingStatus.REQUESTED), BookingStatus.REFUSED,
                        new Document("decidedBy", by).append("refusedReason", reason.strip()), clock.instant(),
                        BookingMail.owedOnDecision(d))
                .orElseThrow(() -> new BookingRefusedException(BookingRefusal.TOO_LATE));
        placement.settle(after);
        log.info("Booking {} of bookable {} refused by account {}", bookingId, d.getString("bookableId"), by);
        Booking refused = BookingRepository.toBooking(after).masked();
        events.publishEvent(new BookingEvents.BookingDecided(refused, reason.strip()));
        return refused;
    }

    @Override
    @PreAuthorize(STAFF)
    public List<Booking> requests() {
        return bookings.requested(LocalDate.now(clock.withZone(Formats.SEOUL)), 500).stream()
                .map(d -> BookingRepository.toBooking(d).masked()).toList();
    }

    @Override
    @PreAuthorize(STAFF)
    public List<Booking> ofDay(String bookableId, LocalDate date) {
        List<Booking> day = bookings.onDay(bookableId, date).stream().map(d -> BookingRepository.toBooking(d).masked())
                .toList();
        day.stream().map(Booking::accountId).distinct().forEach(account -> accessLog.record(AccessAction.VIEW_HOUSEHOLD,
                account, "bookings of " + bookableId + " on " + date));
        return day;
    }

    @Override
    @PreAuthorize(PEOPLE)
    public Standing standing(String participantId) {
        BaeumUser user = access.user();
        if (participantId == null) {
            participantId = user.accountId();
        }
        if (!BookingAccess.staff(user) && !participantId.equals(user.accountId())) {
            Participant p = households.participant(new ParticipantId(participantId)); // refuses another household's
            participantId = p.id().value();
        }
        return noShows.standing(participantId);
    }

    @Override
    @PreAuthorize("permitAll()")
    public NoShowRule noShowRule() {
        return noShows.rule();
    }

    @Override
    @PreAuthorize(STAFF)
    public NoShowRule changeNoShowRule(NoShowRule rule) {
        return noShows.change(rule, access.user().accountId());
    }

    @Override
    @PreAuthorize(STAFF)
    public List<Booking> within(String branchId, String roomId, String bookableId, LocalDate firstDay,
                                LocalDate lastDay, LocalTime from, LocalTime to) {
        return bookings.within(bookables.findAll(), branchId, roomId, bookableId, firstDay, lastDay,
                from, to);
    }

    @Override
    @PreAuthorize(SystemIdentity.ONLY)
    public Booking cancelForClosure(String bookingId, String closurePlanId) {
        Document d = bookings.findById(bookingId).orElseThrow(BookingNotFoundException::new);
        BookingStatus status = BookingStatus.valueOf(d.getString("status"));
        if (!status.active()) {
            return BookingRepository.toBooking(d).masked();
        }
        Optional<Document> after = bookings.transition(bookingId, List.of(status), BookingStatus.CANCELLED,
                new Document("cancelledBy", "closure").append("closurePlanId", closurePlanId), clock.instant());
        if (after.isEmpty()) {
            return cancelForClosure(bookingId, closurePlanId); // it changed meanwhile: look again
        }
        placement.settle(after.get());
        log.info("Booking {} of bookable {} cancelled by closure {}", bookingId, d.getString("bookableId"), closurePlanId);
        Booking cancelled = BookingRepository.toBooking(after.get()).masked();
        events.publishEvent(new BookingEvents.BookingCancelled(cancelled, BookingEvents.CancelledBy.CLOSURE));
        return cancelled;
    }

    /** The whole code for the household that booked; masked for anyone else (STAFF). */
    private static Booking shown(Booking b, BaeumUser user) {
        return user.accountId().equals(b.accountId()) ? b : b.masked();
    }

    private org.baeum.booking.BookingRules rules(Document d) {
        return bookables.findById(d.getString("bookableId")).map(Bookable::rules)
                .orElseThrow(() -> new IllegalStateException("booking " + d.getString("_id") + " of an unknown bookable"));
    }
}
