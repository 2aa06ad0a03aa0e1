package org.baeum.enrollment.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import org.baeum.base.i18n.Formats;
import org.baeum.enrollment.Enrollment;
import org.baeum.enrollment.EnrollmentRefusedException;
import org.baeum.enrollment.CitizenEnrollments;
import org.baeum.enrollment.EnrollmentStatus;

/**
 * Staff end an entry for a citizen: cancel an enrolment (showing the refund it would give now), withdraw a held offer,
 * or take someone off the waitlist. A reason is required; without one nothing happens. A freed seat goes to the
 * waitlist (the service does that).
 */
class CancelDialog extends Dialog {

    final TextArea reason = new TextArea();
    final Button confirm = new Button();
    private final transient CitizenEnrollments enrollments;
    private final Enrollment entry;
    private final String name;
    private final transient Runnable afterwards;

    /**
     * @param name       how the person is shown (masked on the offering desk, in full on the citizen record)
     * @param afterwards what to refresh once the entry changed (or turned out to have changed)
     */
    CancelDialog(CitizenEnrollments enrollments, Enrollment entry, String name, Runnable afterwards) {
        this.enrollments = enrollments;
        this.entry = entry;
        this.name = name;
        this.afterwards = afterwards;
        addClassName("baeum-cancel-dialog");
        EnrollmentStatus status = entry.status();
        setHeaderTitle(getTranslation(switch (status) {
            case OFFERED -> "enrolDesk.withdrawTitle";
            case WAITLISTED -> "enrolDesk.removeTitle";
            default -> "enrolDesk.cancelTitle";
        }, name));
        add(new Paragraph(entry.offeringTitle(getLocale())));
        if (status == EnrollmentStatus.ENROLLED) {
            var refund = enrollments.refundIfCancelledNow(entry.id());
            Paragraph refundText = new Paragraph(refund.filter(org.baeum.enrollment.Refund::owed)
                    .map(r -> getTranslation("enrolDesk.refund", Formats.won(r.amount(), getLocale())))
                    .orElseGet(() -> getTranslation("enrolDesk.refundNone")));
            refundText.addClassName("baeum-refund");
            add(refundText);
            refund.ifPresent(r -> {
                Paragraph step = new Paragraph(EnrollTexts.refundStep(this, r));
                step.addClassName("baeum-refund-step");
                add(step);
            });
        }
        if (status.holdsSeat()) {
            add(new Paragraph(getTranslation("enrolDesk.seatGoes")));
        }
        reason.setLabel(getTranslation("enrolDesk.reason"));
        reason.setHelperText(getTranslation("enrolDesk.reasonHelper"));
        reason.setRequiredIndicatorVisible(true);
        reason.setMaxLength(500);
        reason.setWidthFull();
        add(reason);
        confirm.setText(getTranslation(switch (status) {
            case OFFERED -> "enrolDesk.withdraw";
            case WAITLISTED -> "enrolDesk.remove";
            default -> "enrolDesk.cancel";
        }));
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        confirm.addClickListener(e -> confirm());
        getFooter().add(new Button(getTranslation("common.close"), e -> close()), confirm);
        setWidth("min(95vw, 36rem)");
    }

    private void confirm() {
        reason.setInvalid(false);
        if (reason.getValue() == null || reason.getValue().isBlank()) {
            reasonMissing();
            return;
        }
        try {
            Enrollment done = enrollments.cancel(entry.id(), reason.getValue());
            close();
            Notices.success(switch (entry.status()) {
                case OFFERED -> getTranslation("enrolDesk.withdrawn", name);
                case WAITLISTED -> getTranslation("enrolDesk.removed", name);
                default -> getTranslation("enrolDesk.cancelled", name, done.refundAmount() > 0
                        ? Formats.won(done.refundAmount(), getLocale()) : getTranslation("enrollment.refund.none"));
            });
            afterwards.run();
        } catch (EnrollmentRefusedException refused) {
            if (refused.reason() == EnrollmentRefusedException.Reason.REASON_REQUIRED) {
                reasonMissing();
                return;
            }
            close();
            Notices.error(EnrollTexts.refusal(this, refused));
            afterwards.run();
        }
    }

    private void reasonMissing() {
        reason.setErrorMessage(getTranslation("enrollment.refused.REASON_REQUIRED"));
        reason.setInvalid(true);
        reason.focus();
    }
}
