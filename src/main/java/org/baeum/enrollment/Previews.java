package org.baeum.enrollment;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.baeum.account.Participant;
import org.baeum.base.i18n.Formats;
import org.baeum.base.security.BaeumUser;
import org.baeum.base.security.CurrentUser;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.Offering;
import org.baeum.catalog.OfferingId;
import org.baeum.catalog.SeatLedger;
import org.baeum.enrollment.EnrollmentRefusedException.Reason;
import org.baeum.enrollment.internal.CapPlaces;
import org.baeum.enrollment.internal.EligibilityCheck;
import org.baeum.enrollment.internal.EnrollmentDocument;
import org.baeum.enrollment.internal.EnrollmentLists;
import org.baeum.enrollment.internal.EnrollmentRepository;
import org.baeum.enrollment.internal.Endings;
import org.baeum.enrollment.internal.FeeQuotes;
import org.springframework.stereotype.Component;

/**
 * What a participant can do about an offering now ({@link Preview}), for the citizen's page and for staff at the
 * desk: the one action that applies, the fee, the refusal a request would get (caps counted), clash warnings.
 */
@Component
class Previews {

    private final EnrollmentRepository enrollments;
    private final EnrollmentLists lists;
    private final SeatLedger seats;
    private final CapPlaces caps;
    private final FeeQuotes fees;
    private final Endings endings;
    private final CatalogService catalog;
    private final EnrollmentMapper mapper;
    private final CurrentUser currentUser;
    private final Clock clock;

    Previews(EnrollmentRepository enrollments, EnrollmentLists lists, SeatLedger seats, CapPlaces caps, FeeQuotes fees, Endings endings,
             CatalogService catalog, EnrollmentMapper mapper, CurrentUser currentUser, Clock clock) {
        this.enrollments = enrollments;
        this.lists = lists;
        this.seats = seats;
        this.caps = caps;
        this.fees = fees;
        this.endings = endings;
        this.catalog = catalog;
        this.mapper = mapper;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** {@code verified}: the household's address is confirmed (staff at the desk pass true). */
    Preview preview(Offering o, Participant p, boolean verified, Locale language) {
        Instant now = clock.instant();
        Optional<EnrollmentDocument> active = enrollments.findActive(o.id().value(), p.id().value())
                .map(endings::expireIfLapsed).filter(d -> d.status().active());
        SeatLedger.Seats s = seats.counters(o.id())
                .orElse(new SeatLedger.Seats(o.capacity(), 0, o.capacity(), 0, 0, false));
        if (active.isPresent()) {
            Enrollment e = mapper.toEnrollment(active.get(), false);
            Preview.Action action = switch (e.status()) {
                case OFFERED -> Preview.Action.ACCEPT_OFFER;
                case WAITLISTED -> Preview.Action.WAITLISTED;
                default -> Preview.Action.ENROLLED;
            };
            return new Preview(action, o.recruitment().current(now).opensAt(), s.waitlistLength(), e.fee(), e, List.of(), null, null);
        }
        Fee fee = fees.fee(o, p, LocalDate.ofInstant(now, Formats.SEOUL));
        List<Offering> mine = activeOfferings(p, o);
        Locale locale = language != null ? language : currentUser.get().map(BaeumUser::language).orElse(Locale.KOREAN);
        List<String> clashes = EnrollmentRules.clashes(o, mine, locale);
        try {
            EligibilityCheck.check(o, p, verified, now);
            EligibilityCheck.caps(o, caps.rules(), mine);
        } catch (EnrollmentRefusedException refused) {
            Preview.Action action = refused.reason() == Reason.NOT_OPEN ? Preview.Action.NOT_OPEN_YET
                    : Preview.Action.NOT_POSSIBLE;
            return new Preview(action, o.recruitment().current(now).opensAt(), s.waitlistLength(), fee, null, clashes,
                    action == Preview.Action.NOT_OPEN_YET ? null : refused.reason(),
                    action == Preview.Action.NOT_OPEN_YET ? null : List.of(refused.arguments()));
        }
        boolean seatForFirstCome = s.left() > 0 && (!s.waitlistDecides() || s.waitlistLength() == 0);
        return new Preview(seatForFirstCome ? Preview.Action.ENROL : Preview.Action.JOIN_WAITLIST,
                o.recruitment().current(now).opensAt(), s.waitlistLength(), fee, null, clashes, null, null);
    }

    /** The participant's active entries' offerings in the offering's term, for caps and clashes. */
    private List<Offering> activeOfferings(Participant p, Offering o) {
        return lists.activeOfParticipant(p.id().value(), o.termId().value()).stream()
                .map(d -> catalog.offering(new OfferingId(d.offeringId())))
                .flatMap(Optional::stream).toList();
    }
}
