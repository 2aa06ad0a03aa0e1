package org.baeum.attendance.certificate.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import org.baeum.attendance.certificate.Certificate;
import org.baeum.attendance.certificate.CertificateDraft;
import org.baeum.attendance.certificate.Certificates;
import org.baeum.base.domain.FieldProblem;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.base.i18n.Formats;
import org.baeum.base.security.Role;

/**
 * The desk's certificates (issue 16 point 5, decision 0032): STAFF enter a verification code, see the certificate
 * (number, holder's full name, program, term, hours, issue date, and whether it was revoked) and revoke it with a reason
 * in a dialog; an empty reason is refused at the field. The birth date is not shown: the desk does not need it here.
 */
@Route("staff/certificates")
@RolesAllowed({Role.STAFF_NAME, Role.ADMIN_NAME})
@Menu(order = 67.5, title = "nav.staffCertificates", icon = "vaadin:diploma")
class StaffCertificatesView extends VerticalLayout implements HasDynamicTitle {

    private final transient Certificates certificates;
    final TextField code = new TextField();
    final Button find = new Button();
    final Div result = new Div();
    final Button revoke = new Button();
    RevokeDialog dialog;
    private String shown;

    StaffCertificatesView(Certificates certificates) {
        this.certificates = certificates;
        addClassName("baeum-staff-certificates");
        code.setLabel(getTranslation("certificate.verify.code"));
        code.setHelperText(getTranslation("staffCertificates.codeHelper"));
        code.setMaxLength(CertificateDraft.MAX_TEXT);
        code.setWidth("min(100%, 20rem)");
        find.setText(getTranslation("staffCertificates.find"));
        find.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        find.addClickShortcut(Key.ENTER);
        find.addClickListener(e -> show(code.getValue()));
        revoke.setText(getTranslation("staffCertificates.revoke"));
        revoke.addThemeVariants(ButtonVariant.LUMO_ERROR);
        revoke.getStyle().set("min-height", "44px");
        revoke.addClickListener(e -> {
            dialog = new RevokeDialog();
            dialog.open();
        });
        HorizontalLayout bar = new HorizontalLayout(code, find);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        result.setWidthFull();
        result.getElement().setAttribute("aria-live", "polite");
        add(new H1(getTranslation("staffCertificates.title")), new Paragraph(getTranslation("staffCertificates.intro")),
                bar, result);
    }

    /** Shows the certificate of a code, or says that there is none. */
    void show(String text) {
        result.removeAll();
        code.setInvalid(false);
        Optional<Certificate> found = certificates.lookUp(text);
        if (found.isEmpty()) {
            shown = null;
            code.setErrorMessage(getTranslation("certificate.verify.unknownText"));
            code.setInvalid(true);
            return;
        }
        Certificate c = found.get();
        shown = c.code();
        boolean english = Locale.ENGLISH.getLanguage().equals(getLocale().getLanguage());
        result.add(new H2(getTranslation(c.revoked() ? "certificate.verify.revoked" : "certificate.verify.valid")));
        DescriptionList facts = new DescriptionList();
        fact(facts, "certificate.verify.number", c.number());
        fact(facts, "certificate.verify.holder", c.content().holderName());
        fact(facts, "certificate.verify.program", english ? c.content().programEn() : c.content().programKo());
        fact(facts, "certificate.verify.term", c.content().term());
        fact(facts, "certificate.verify.hours", getTranslation("certificate.pdf.hoursValue",
                BigDecimal.valueOf(c.content().hours()).stripTrailingZeros().toPlainString()));
        fact(facts, "certificate.verify.issuedOn", Formats.date(c.issuedOn(), getLocale()));
        if (c.revoked()) {
            fact(facts, "staffCertificates.revokedOn",
                    Formats.date(LocalDate.ofInstant(c.revokedAt(), Formats.SEOUL), getLocale()));
            fact(facts, "staffCertificates.reason", c.revokedReason());
        }
        result.add(facts);
        if (!c.revoked()) {
            result.add(revoke);
        }
    }

    private void fact(DescriptionList facts, String key, String value) {
        facts.add(new DescriptionList.Term(getTranslation(key)), new DescriptionList.Description(value));
    }

    /** Asks for the reason; "취소" keeps the certificate as it is. */
    class RevokeDialog extends Dialog {

        final TextArea reason = new TextArea();
        final Button confirm = new Button();

        RevokeDialog() {
            setHeaderTitle(getTranslation("staffCertificates.revokeTitle"));
            setWidth("min(95vw, 32rem)");
            reason.setLabel(getTranslation("staffCertificates.reason"));
            reason.setMaxLength(Certificates.MAX_REASON);
            reason.setRequiredIndicatorVisible(true);
            reason.setWidthFull();
            add(new Paragraph(getTranslation("staffCertificates.revokeLead")), reason);
            confirm.setText(getTranslation("staffCertificates.revoke"));
            confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
            confirm.getStyle().set("min-height", "44px");
            confirm.addClickListener(e -> confirm());
            Button cancel = new Button(getTranslation("staffCertificates.cancel"), e -> close());
            cancel.getStyle().set("min-height", "44px");
            getFooter().add(cancel, confirm);
        }

        private void confirm() {
            reason.setInvalid(false);
            try {
                boolean done = certificates.revoke(shown, reason.getValue());
                close();
                show(shown);
                Notification.show(getTranslation(done ? "staffCertificates.revoked" : "certificate.revoke.already"),
                        5000, Notification.Position.BOTTOM_START).addThemeVariants(done
                        ? NotificationVariant.LUMO_SUCCESS : NotificationVariant.LUMO_WARNING);
            } catch (InvalidInputException invalid) {
                FieldProblem problem = invalid.problems().getFirst();
                reason.setErrorMessage(getTranslation(problem.messageKey(), problem.arguments().toArray()));
                reason.setInvalid(true);
                reason.focus();
            }
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("staffCertificates.title") + " | " + getTranslation("app.name");
    }
}
