package org.baeum.enrollment.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.baeum.account.Account;
import org.baeum.account.AccountId;
import org.baeum.account.AccountService;
import org.baeum.base.i18n.Formats;
import org.baeum.base.i18n.Messages;
import org.baeum.base.security.SignedLinks;
import org.baeum.base.security.SystemIdentity;
import org.baeum.catalog.Offering;
import org.baeum.notification.NotificationKind;
import org.baeum.notification.NotificationRequest;
import org.baeum.notification.NotificationService;
import org.baeum.notification.Recipient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The enrolment feature's mail, added to the outbox (never sent inside a request). Each has a key per event and
 * entry, so a retried step adds nothing. Offer mail carries signed accept and decline links that lead to a page
 * with a button (a mail scanner opening the link changes nothing).
 */
@Component
public class EnrollmentMail {

    public static final String ACCEPT = "offer-accept";
    public static final String DECLINE = "offer-decline";
    public static final String ACCEPT_PAGE = "offer/accept";
    public static final String DECLINE_PAGE = "offer/decline";
    public static final String MY_LEARNING = "my/learning";

    private static final Logger log = LoggerFactory.getLogger(EnrollmentMail.class);

    private final NotificationService notifications;
    private final AccountService accounts;
    private final SignedLinks links;
    private final Messages messages;
    private final String publicUrl;
    private final Clock clock;

    EnrollmentMail(NotificationService notifications, AccountService accounts, SignedLinks links, Messages messages,
                   @Value("${baeum.public-url}") String publicUrl, Clock clock) {
        this.notifications = notifications;
        this.accounts = accounts;
        this.links = links;
        this.messages = messages;
        this.clock = clock;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    void enrolled(EnrollmentDocument e, Offering o) {
        send(e, "enrolled", NotificationKind.ENROLMENT_CONFIRMED, o, (to, lang) -> {
            String first = o.sessionDates().isEmpty() ? "-" : Formats.dateTime(LocalDateTime.of(o.sessionDates().getFirst(),
                    o.schedule().startTime()).atZone(Formats.SEOUL).toInstant(), lang);
            byte[] ics = IcsCalendar.sessions(e.id(), o.title(lang), o.roomId(), o.sessionDates(), o.schedule().startTime(),
                    o.schedule().endTime(), clock.instant());
            return new NotificationRequest("enrolled:" + e.id(), NotificationKind.ENROLMENT_CONFIRMED, to,
                    List.of(o.title(lang), first, o.roomId()), Map.of("open", page(MY_LEARNING), "cancel", page(MY_LEARNING)),
                    List.of(new NotificationRequest.Attachment("sessions.ics", "text/calendar; charset=UTF-8", ics)), null);
        });
    }

    void offer(EnrollmentDocument e, Offering o, Instant until) {
        Duration ttl = Duration.between(clock.instant(), until).plusHours(1);
        send(e, "offer", NotificationKind.WAITLIST_OFFER, o, (to, lang) -> NotificationRequest.now("offer:" + e.id(),
                NotificationKind.WAITLIST_OFFER, to, List.of(o.title(lang), Formats.dateTime(until, lang)),
                offerLinks(e.id(), ttl)));
    }

    /** A draw's win: the seat is held until {@code until}; accept and decline links as for an offer. */
    void drawWon(EnrollmentDocument e, Offering o, Instant until, String number) {
        Duration ttl = Duration.between(clock.instant(), until).plusHours(1);
        send(e, "drawwon", NotificationKind.DRAW_WON, o, (to, lang) -> NotificationRequest.now("drawwon:" + e.id(),
                NotificationKind.DRAW_WON, to, List.of(o.title(lang), Formats.dateTime(until, lang), number,
                        e.participantName()), offerLinks(e.id(), ttl)));
    }

    /**
     * A draw's loss, once per application: where it now waits ({@code e} is one of its entries, for the household).
     *
     * @param places per offering title in the recipient's language, the place in line
     */
    void drawLost(EnrollmentDocument e, String round, String number, java.util.function.Function<Locale, String> places) {
        send(e, "drawlost", NotificationKind.DRAW_LOST, null, (to, lang) -> NotificationRequest.now(
                "drawlost:" + round + ":" + number, NotificationKind.DRAW_LOST, to, List.of(number, places.apply(lang)),
                Map.of("open", page(MY_LEARNING))));
    }

    void offerExpiring(EnrollmentDocument e, Offering o) {
        Duration ttl = Duration.between(clock.instant(), e.offerExpiresAt()).plusHours(1);
        send(e, "offerexpiring", NotificationKind.OFFER_EXPIRING, o, (to, lang) -> NotificationRequest.now(
                "offerexpiring:" + e.id(), NotificationKind.OFFER_EXPIRING, to,
                List.of(o.title(lang), Formats.dateTime(e.offerExpiresAt(), lang)), offerLinks(e.id(), ttl)));
    }

    /**
     * Before a draw win's confirmation deadline (decision 0050): "confirm your lottery seat by …", with the draw
     * application's number and accept and decline links; the waitlist's offers get {@link #offerExpiring} instead.
     */
    void drawExpiring(EnrollmentDocument e, Offering o, String number) {
        Duration ttl = Duration.between(clock.instant(), e.offerExpiresAt()).plusHours(1);
        send(e, "drawexpiring", NotificationKind.DRAW_EXPIRING, o, (to, lang) -> NotificationRequest.now(
                "drawexpiring:" + e.id(), NotificationKind.DRAW_EXPIRING, to, List.of(o.title(lang),
                        Formats.dateTime(e.offerExpiresAt(), lang), number, e.participantName()),
                offerLinks(e.id(), ttl)));
    }

    void cancelled(EnrollmentDocument e, Offering o, String reasonKey, String staffNote) {
        send(e, "cancelled", NotificationKind.CANCELLATION, o, (to, lang) -> {
            String reason = messages.get(reasonKey, lang) + (staffNote == null || staffNote.isBlank() ? "" : " (" + staffNote + ")");
            String refund = refundText(e, lang);
            return NotificationRequest.now("cancelled:" + e.id(), NotificationKind.CANCELLATION, to,
                    List.of(o.title(lang), reason, refund), Map.of("open", page(MY_LEARNING)));
        });
    }

    /** The refund an ending recorded: amount, the step of the statutory rule, the due date; or none. */
    private String refundText(EnrollmentDocument e, java.util.Locale lang) {
        if (e.refund() == null) {
            return e.refundAmount() > 0 ? Formats.won(e.refundAmount(), lang) : messages.get("enrollment.refund.none", lang);
        }
        org.baeum.enrollment.Refund r = e.refund().refund();
        String step = messages.get(r.step().messageKey(), lang, r.messageArguments());
        return r.owed()
                ? messages.get("enrollment.refund.detail", lang, Formats.won(r.amount(), lang), step, Formats.date(r.dueBy(), lang))
                : messages.get("enrollment.refund.noneByRule", lang, step);
    }

    /** Confirms a declined offer (in the portal, through the mail link or by staff for the citizen). */
    void declined(EnrollmentDocument e, Offering o) {
        send(e, "declined", NotificationKind.OFFER_DECLINED, o, (to, lang) -> NotificationRequest.now("declined:" + e.id(),
                NotificationKind.OFFER_DECLINED, to, List.of(o.title(lang)), Map.of("open", page(MY_LEARNING))));
    }

    /** Tells the citizen that their offer ran out unanswered, and that the seat and their place in line are gone. */
    void expired(EnrollmentDocument e, Offering o) {
        send(e, "expired", NotificationKind.OFFER_EXPIRED, o, (to, lang) -> NotificationRequest.now("expired:" + e.id(),
                NotificationKind.OFFER_EXPIRED, to, List.of(o.title(lang)), Map.of("open", page(MY_LEARNING))));
    }

    /** Tells the citizen that staff ended their offer, and why. */
    void withdrawn(EnrollmentDocument e, Offering o, String staffNote) {
        send(e, "withdrawn", NotificationKind.OFFER_WITHDRAWN, o, (to, lang) -> NotificationRequest.now(
                "withdrawn:" + e.id(), NotificationKind.OFFER_WITHDRAWN, to,
                List.of(o.title(lang), staffNote == null || staffNote.isBlank() ? "-" : staffNote),
                Map.of("open", page(MY_LEARNING))));
    }

    void paymentReminder(EnrollmentDocument e, Offering o, Instant payBy) {
        send(e, "payment", NotificationKind.PAYMENT_REMINDER, o, (to, lang) -> NotificationRequest.now(
                "payment:" + e.id(), NotificationKind.PAYMENT_REMINDER, to,
                List.of(o.title(lang), Formats.won(e.amount(), lang), Formats.dateTime(payBy, lang)),
                Map.of("open", page(MY_LEARNING))));
    }

    private Map<String, String> offerLinks(String enrollmentId, Duration ttl) {
        return Map.of("accept", links.url(ACCEPT_PAGE, links.sign(ACCEPT, enrollmentId, ttl)),
                "decline", links.url(DECLINE_PAGE, links.sign(DECLINE, enrollmentId, ttl)));
    }

    private String page(String path) {
        return publicUrl + "/" + path;
    }

    private interface Builder {
        NotificationRequest build(Recipient to, Locale language);
    }

    /** Looks the household's account up as the system and adds the mail; a missing account is logged and skipped. */
    private void send(EnrollmentDocument e, String what, NotificationKind kind, Offering o, Builder builder) {
        SystemIdentity.run(() -> {
            Optional<Account> account = accounts.account(new AccountId(e.householdId()));
            if (account.isEmpty() || account.get().email() == null) {
                log.warn("No {} mail for enrolment {}: account {} has no address", what, e.id(), e.householdId());
                return;
            }
            Account a = account.get();
            Locale lang = a.language() == null ? Locale.KOREAN : a.language();
            notifications.enqueue(builder.build(new Recipient(a.id().value(), a.email(), a.displayName(), lang,
                    a.reminders()), lang));
            log.info("{} mail for enrolment {} ({}) added for account {}", what, e.id(), kind, a.id().value());
        });
    }
}
