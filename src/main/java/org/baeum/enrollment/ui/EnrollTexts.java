package org.baeum.enrollment.ui;

import com.vaadin.flow.component.Component;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Locale;
import org.baeum.base.i18n.Formats;
import org.baeum.catalog.Offering;
import org.baeum.enrollment.Enrollment;
import org.baeum.enrollment.EnrollmentRefusedException;
import org.baeum.enrollment.Fee;
import org.baeum.enrollment.Preview;

/** Texts the enrolment screens share: fees with their reduction, refusals, places in line, session summaries. */
final class EnrollTexts {

    private EnrollTexts() {
    }

    /** The component's language: its UI's, as {@link Component#getLocale()} (which is protected) gives it. */
    static Locale locale(Component c) {
        com.vaadin.flow.component.UI ui = c.getUI().orElseGet(com.vaadin.flow.component.UI::getCurrent);
        return ui == null ? Locale.KOREAN : ui.getLocale();
    }

    /** 무료; 30,000원; or 15,000원 (65세 이상 어르신 50% 감면 적용, 원래 30,000원). */
    static String fee(Component c, Fee fee) {
        Locale locale = locale(c);
        if (fee == null || fee.base() == 0) {
            return c.getTranslation("catalog.free");
        }
        if (fee.reductionPercent() > 0) {
            return c.getTranslation("enrol.feeReduced", Formats.won(fee.amount(), locale), fee.reductionName(locale),
                    fee.reductionPercent(), Formats.won(fee.base(), locale));
        }
        return Formats.won(fee.amount(), locale);
    }

    /** A refusal in the page's language, with its times written out in Seoul time. */
    static String refusal(Component c, EnrollmentRefusedException e) {
        return c.getTranslation(e.messageKey(), e.arguments(org.baeum.base.i18n.Locales.supported(locale(c))));
    }

    /** Why the preview says "not possible": the very text the refusal of an enrolment now would give, with its arguments. */
    static String notPossible(Component c, Preview preview) {
        return c.getTranslation(preview.refusalMessageKey(), preview.refusalArguments(locale(c)));
    }

    /** The current place in line, or the place given on joining when the current one is not known. */
    /** Which step of the statutory refund rule gave this refund, in the page's language. */
    static String refundStep(Component c, org.baeum.enrollment.Refund refund) {
        return c.getTranslation(refund.step().messageKey(), refund.messageArguments());
    }

    static int position(Enrollment e) {
        if (e.waitlistPosition() != null) {
            return e.waitlistPosition();
        }
        return e.positionAtJoin() == null ? 1 : e.positionAtJoin();
    }

    static String dateTime(Component c, Instant instant) {
        return instant == null ? "-" : Formats.dateTime(instant, locale(c));
    }

    /** 13회 · 2027. 1. 8. (금) ~ 2027. 3. 26. (금) · 매주 금 10:00–12:00. */
    static String sessions(Component c, Offering o) {
        Locale locale = locale(c);
        if (o.sessionDates().isEmpty()) {
            return o.schedule().describe(locale);
        }
        return c.getTranslation("enrol.confirm.sessionsValue", o.sessionDates().size(),
                Formats.date(o.sessionDates().getFirst(), locale), Formats.date(o.sessionDates().getLast(), locale),
                o.schedule().describe(locale));
    }

    static Instant firstStart(Offering o) {
        return o.sessionDates().isEmpty() ? null
                : LocalDateTime.of(o.sessionDates().getFirst(), o.schedule().startTime()).atZone(Formats.SEOUL).toInstant();
    }

    static Instant lastEnd(Offering o) {
        return o.sessionDates().isEmpty() ? null
                : LocalDateTime.of(o.sessionDates().getLast(), o.schedule().endTime()).atZone(Formats.SEOUL).toInstant();
    }

    /** How an entry ended, for the "past" list: a finished class, or its status. */
    static String outcome(Component c, Enrollment e) {
        return e.status() == org.baeum.enrollment.EnrollmentStatus.ENROLLED ? c.getTranslation("learning.finished")
                : c.getTranslation("enrollment.status." + e.status().name());
    }

    /** The payment state, or the refund an ending recorded with the step of the statutory rule that gave it. */
    static String paymentAndRefund(Component c, Enrollment e) {
        if (e.refundAmount() <= 0) {
            return c.getTranslation("enrollment.payment." + e.payment().name());
        }
        String amount = c.getTranslation("learning.refund", Formats.won(e.refundAmount(), locale(c)));
        return e.refund() == null ? amount : amount + " · " + refundStep(c, e.refund().refund());
    }

    /** What a citizen is asked before cancelling: the class, the refund now and the step that gives it, the cut-off. */
    static java.util.List<String> cancelLines(Component c, Enrollment e,
                                              java.util.Optional<org.baeum.enrollment.Refund> refund, Instant cutoff) {
        java.util.List<String> lines = new java.util.ArrayList<>();
        lines.add(c.getTranslation("learning.cancel.text", e.offeringTitle(locale(c)), e.participantName()));
        if (refund.isPresent()) {
            lines.add(c.getTranslation("learning.cancel.refund", Formats.won(refund.get().amount(), locale(c)),
                    Formats.won(e.fee().amount(), locale(c))));
            lines.add(refundStep(c, refund.get()));
        } else if (e.fee().amount() == 0) {
            lines.add(c.getTranslation("learning.cancel.free"));
        } else {
            lines.add(c.getTranslation("learning.cancel.unpaid"));
        }
        lines.add(c.getTranslation("learning.cutoff", dateTime(c, cutoff)));
        return lines;
    }

    /** What a citizen is told after cancelling: the refund owed and by when, if any. */
    static String cancelled(Component c, Enrollment done) {
        return done.refund() != null && done.refund().refund().owed()
                ? c.getTranslation("learning.cancelled.refund", Formats.won(done.refund().refund().amount(), locale(c)),
                Formats.date(done.refund().refund().dueBy(), locale(c)))
                : c.getTranslation("learning.cancelled");
    }
}
