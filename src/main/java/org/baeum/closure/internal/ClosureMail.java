package org.baeum.closure.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.baeum.account.Account;
import org.baeum.account.AccountId;
import org.baeum.account.AccountService;
import org.baeum.base.i18n.Formats;
import org.baeum.base.i18n.Messages;
import org.baeum.calendar.DaysOff;
import org.baeum.closure.ClosureImpact;
import org.baeum.closure.ClosureParticipants;
import org.baeum.closure.ClosureRequest;
import org.baeum.closure.internal.ClosurePlanRepository.Move;
import org.baeum.closure.internal.ClosurePlanRepository.OfferingEffect;
import org.baeum.closure.internal.ClosurePlanRepository.PersonEffect;
import org.baeum.closure.internal.ClosurePlanRepository.PlanDocument;
import org.baeum.notification.NotificationKind;
import org.baeum.notification.NotificationRequest;
import org.baeum.notification.NotificationService;
import org.baeum.notification.Recipient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The one {@code CLOSURE_NOTICE} of a closure plan for one person, in their language, keyed
 * {@code closure:<planId>:<accountId>} so a rerun adds nothing: the place and days closed, the reason, and what changed
 * for them (class days cancelled with the refund, moved to which day, bookings cancelled, offer deadlines moved).
 * Called as the portal.
 */
@Component
class ClosureMail {

    private static final Logger log = LoggerFactory.getLogger(ClosureMail.class);

    private final NotificationService notifications;
    private final AccountService accounts;
    private final ObjectProvider<ClosureParticipants> participants;
    private final DaysOff daysOff;
    private final Messages messages;
    private final String publicUrl;

    ClosureMail(NotificationService notifications, AccountService accounts,
                ObjectProvider<ClosureParticipants> participants, DaysOff daysOff, Messages messages,
                @Value("${baeum.public-url}") String publicUrl) {
        this.notifications = notifications;
        this.accounts = accounts;
        this.participants = participants;
        this.daysOff = daysOff;
        this.messages = messages;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    static String key(String planId, String accountId) {
        return "closure:" + planId + ":" + accountId;
    }

    void notice(PlanDocument plan, PersonEffect person) {
        Optional<Account> account = accounts.account(new AccountId(person.accountId()));
        if (account.isEmpty() || account.get().email() == null) {
            log.warn("No closure mail of plan {} for account {}: no address", plan.id(), person.accountId());
            return;
        }
        Account a = account.get();
        Locale lang = a.language() == null ? Locale.KOREAN : a.language();
        ClosureRequest r = plan.request();
        String from = Formats.date(r.firstDay(), lang) + (r.fromTime() == null ? "" : " " + r.fromTime());
        String to = Formats.date(r.lastDay(), lang) + (r.toTime() == null ? "" : " " + r.toTime());
        String details = String.join("\n", lines(plan, person, lang));
        notifications.enqueue(NotificationRequest.now(key(plan.id(), person.accountId()), NotificationKind.CLOSURE_NOTICE,
                new Recipient(a.id().value(), a.email(), a.displayName(), lang, a.reminders()),
                List.of(place(r, lang), from, to, details), Map.of("open", publicUrl + "/my/learning")));
        log.info("Closure notice of plan {} added for account {}", plan.id(), a.id().value());
    }

    /** The reason, then one line per change for this person. */
    List<String> lines(PlanDocument plan, PersonEffect person, Locale lang) {
        List<String> lines = new ArrayList<>();
        lines.add(messages.get("closure.mail.reason", lang, "en".equals(lang.getLanguage())
                ? plan.request().reasonEn() : plan.request().reasonKo()));
        for (OfferingEffect o : plan.offerings()) {
            String title = "en".equals(lang.getLanguage()) && o.titleEn() != null ? o.titleEn() : o.titleKo();
            for (ClosureParticipants.Participant p : o.participants()) {
                if (!person.enrollmentIds().contains(p.enrollmentId())) {
                    continue;
                }
                if (!o.cancelled().isEmpty()) {
                    ClosureParticipants.Settlement settled = participants.getObject().settle(plan.id(),
                            plan.request().reasonKo(), plan.request().reasonEn(), p.enrollmentId(), o.classDays(),
                            o.cancelled());
                    String days = String.join(", ", o.cancelled().stream().map(d -> Formats.date(d, lang)).toList());
                    lines.add(settled.refund() > 0
                            ? messages.get("closure.mail.cancelledRefund", lang, title, p.participantName(), days,
                            Formats.won(settled.refund(), lang))
                            : settled.feeReduction() > 0
                            ? messages.get("closure.mail.cancelledFeeReduced", lang, title, p.participantName(), days,
                            Formats.won(settled.feeReduction(), lang))
                            : messages.get("closure.mail.cancelled", lang, title, p.participantName(), days));
                }
                for (Move m : o.moves()) {
                    lines.add(messages.get("closure.mail.moved", lang, title, p.participantName(),
                            Formats.date(m.from(), lang), Formats.date(m.to(), lang), o.start(), o.end()));
                }
            }
        }
        ClosureImpact impact = plan.impact();
        for (ClosureImpact.BookingHit b : impact.bookings()) {
            if (person.bookingIds().contains(b.bookingId())) {
                lines.add(messages.get("closure.mail.booking", lang, b.bookable(), Formats.date(b.date(), lang),
                        b.start(), b.end()));
            }
        }
        for (ClosureImpact.ClubSlotHit c : impact.clubSlots()) {
            if (person.bookingIds().contains(c.bookingId())) {
                lines.add(messages.get("closure.mail.clubSlot", lang, c.club(), Formats.date(c.date(), lang), c.start(),
                        c.end()));
            }
        }
        for (ClosureImpact.OfferHit offer : impact.offers()) {
            if (person.offerIds().contains(offer.enrollmentId())) {
                lines.add(messages.get("closure.mail.offer", lang, offer.title(), Formats.dateTime(offer.deadline(), lang),
                        Formats.dateTime(offer.newDeadline(), lang)));
            }
        }
        return lines;
    }

    private String place(ClosureRequest r, Locale lang) {
        String id = ClosureApplier.draft(r).targetId();
        if (id == null) {
            return messages.get("closure.mail.everywhere", lang);
        }
        return daysOff.places().stream().filter(p -> p.id().equals(id)).findFirst().map(p -> p.name(lang)).orElse(id);
    }
}
