package org.baeum.notification;

import java.util.List;

/**
 * What a notification is about. Each kind has its texts under {@code mail.<template>.*} in both languages
 * ({@code subject}, {@code body}, {@code note}, and {@code action.<link>} for each of its links), and is either
 * essential (always sent) or a reminder the recipient can turn off.
 *
 * @param links the names of the links its mail carries, in order (each has an {@code action.<name>} text)
 */
public enum NotificationKind {
    VERIFY_EMAIL("verify", true, List.of("open")),
    PASSWORD_RESET("reset", true, List.of("open")),
    INVITATION("invitation", true, List.of("open")),
    EMAIL_CHANGED("emailchanged", true, List.of()),
    PASSWORD_CHANGED("passwordchanged", true, List.of()),
    /** Someone signed up with an address that already has an account: its owner is told instead (no token in it). */
    SIGNUP_ATTEMPT("signupattempt", true, List.of("signin", "reset")),
    ENROLMENT_CONFIRMED("enrolled", true, List.of("open", "cancel")),
    WAITLIST_OFFER("offer", true, List.of("accept", "decline")),
    OFFER_EXPIRING("offerexpiring", true, List.of("accept", "decline")),
    CLASS_REMINDER("reminder", false, List.of("open", "unsubscribe")),
    CANCELLATION("cancelled", true, List.of("open")),
    CLOSURE_NOTICE("closure", true, List.of("open")),
    SURVEY_INVITATION("survey", false, List.of("open", "unsubscribe")),
    INSTRUCTOR_MESSAGE("instructormessage", true, List.of("open")),
    PAYMENT_REMINDER("paymentreminder", true, List.of("open")),
    OFFER_DECLINED("offerdeclined", true, List.of("open")),
    OFFER_WITHDRAWN("offerwithdrawn", true, List.of("open")),
    OFFER_EXPIRED("offerexpired", true, List.of("open")),
    /** A round's draw gave the participant a seat to confirm by a deadline (issue 15). */
    DRAW_WON("drawwon", true, List.of("accept", "decline")),
    /** Before a draw win's confirmation deadline: confirm the lottery seat by then (decision 0050). */
    DRAW_EXPIRING("drawexpiring", true, List.of("accept", "decline")),
    /** A round's draw gave no seat; the application waits on its choices' waitlists in draw order. */
    DRAW_LOST("drawlost", true, List.of("open")),
    /** The instructor or STAFF confirmed a participant's completion and a certificate was issued (issue 16). */
    COMPLETION_CONFIRMED("completed", true, List.of("open")),
    /** While a class runs, a participant's attendance fell below the share its completion needs (decision 0035). */
    COMPLETION_AT_RISK("completionatrisk", true, List.of("open")),
    /** While a class runs, a participant can no longer reach the share its completion needs (decision 0035). */
    COMPLETION_UNREACHABLE("completionunreachable", true, List.of("open")),
    /** A class ended and its completion waits for the instructor's confirmation (decision 0035). */
    COMPLETION_DUE("completiondue", true, List.of("open")),
    /** STAFF awarded an honorary citizen degree (명예시민학위) to a participant of the household (issue 16). */
    DEGREE_AWARDED("degreeawarded", true, List.of("open")),
    /** A seat or room was booked (issue 18); never with the booking code, which the booker sees on 내 예약. */
    BOOKING_CONFIRMED("bookingconfirmed", true, List.of("open")),
    /** A request for a space STAFF approve (auditorium, gallery) was received. */
    BOOKING_REQUESTED("bookingrequested", true, List.of("open")),
    /** STAFF approved or refused (with their reason) a booking request. */
    BOOKING_DECIDED("bookingdecided", true, List.of("open")),
    /** STAFF, or the portal (a request not decided before its start), cancelled a booking; not for closures. */
    BOOKING_CANCELLED("bookingcancelled", true, List.of("open")),
    /** STAFF approved, refused or ended a learning club's recurring slots; to the club's leader (decision 0045). */
    CLUB_SERIES_DECIDED("clubseries", true, List.of("open")),
    /** The day before, one per household and day listing that day's bookings (decision 0050); never the code. */
    BOOKING_REMINDER("bookingreminder", false, List.of("open", "unsubscribe")),
    /** Shortly before a booking's start, with its check-in window and the link to check in (decision 0050). */
    BOOKING_STARTING("bookingstarting", false, List.of("checkin", "unsubscribe"));

    private final String template;
    private final boolean essential;
    private final List<String> links;

    NotificationKind(String template, boolean essential, List<String> links) {
        this.template = template;
        this.essential = essential;
        this.links = links;
    }

    public String template() {
        return template;
    }

    /** Essential mail (confirmations, offers, account security) goes out whatever the reminder choice. */
    public boolean essential() {
        return essential;
    }

    public List<String> links() {
        return links;
    }

    public String messageKey() {
        return "notification.kind." + name();
    }
}
