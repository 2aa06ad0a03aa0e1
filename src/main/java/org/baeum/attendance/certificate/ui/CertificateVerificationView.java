package org.baeum.attendance.certificate.ui;

import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import org.baeum.attendance.certificate.CertificateDraft;
import org.baeum.attendance.certificate.Certificates;
import org.baeum.attendance.certificate.Verification;
import org.baeum.base.i18n.Formats;

/**
 * The public page a certificate's QR code opens (decision 0032), for anyone: it says in words whether the code is a
 * valid certificate (유효한 수료증), a revoked one (취소된 수료증) or none (확인할 수 없는 번호), with the headline also in
 * the other language, and for a known code the number, program, term, hours, issue date and the holder's masked name:
 * nothing else about the holder.
 */
@Route("certificates/:code")
@AnonymousAllowed
class CertificateVerificationView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String STATUS_ID = "certificate-status";

    private final transient Certificates certificates;

    CertificateVerificationView(Certificates certificates) {
        this.certificates = certificates;
        addClassName("baeum-certificate-verification");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String code = event.getRouteParameters().get("code").orElse("");
        Optional<Verification> found = certificates.verify(code);
        add(new H1(getTranslation("certificate.verify.title")));
        String key = found.map(v -> v.valid() ? "certificate.verify.valid" : "certificate.verify.revoked")
                .orElse("certificate.verify.unknown");
        Locale other = Locale.ENGLISH.getLanguage().equals(getLocale().getLanguage()) ? Locale.KOREAN : Locale.ENGLISH;
        Section status = new Section();
        status.setId(STATUS_ID);
        status.getElement().setAttribute("role", "status");
        status.addClassName("baeum-certificate-" + key.substring(key.lastIndexOf('.') + 1));
        H2 headline = new H2(getTranslation(key));
        Paragraph translated = new Paragraph(getTranslation(other, key));
        translated.getElement().setAttribute("lang", other.getLanguage());
        String text = found.filter(Verification::revoked)
                .map(v -> getTranslation("certificate.verify.revokedText",
                        Formats.date(LocalDate.ofInstant(v.revokedAt(), Formats.SEOUL), getLocale())))
                .orElseGet(() -> getTranslation(key + "Text"));
        status.add(headline, translated, new Paragraph(text));
        add(status);
        DescriptionList facts = new DescriptionList();
        fact(facts, "certificate.verify.code", shown(code));
        found.ifPresent(v -> {
            fact(facts, "certificate.verify.number", v.number());
            fact(facts, "certificate.verify.holder", v.holderMasked());
            fact(facts, "certificate.verify.program", Locale.ENGLISH.getLanguage().equals(getLocale().getLanguage())
                    ? v.programEn() : v.programKo());
            fact(facts, "certificate.verify.term", v.term());
            fact(facts, "certificate.verify.hours", getTranslation("certificate.pdf.hoursValue",
                    java.math.BigDecimal.valueOf(v.hours()).stripTrailingZeros().toPlainString()));
            fact(facts, "certificate.verify.issuedOn", Formats.date(v.issuedOn(), getLocale()));
        });
        add(facts);
        if (found.isPresent()) {
            add(new Paragraph(getTranslation("certificate.verify.privacy")));
        }
    }

    /** The code as typed, cut to a sane length (it is echoed back, never trusted). */
    private static String shown(String code) {
        String s = code.strip();
        return s.length() > CertificateDraft.MAX_TEXT ? s.substring(0, CertificateDraft.MAX_TEXT) + "…" : s;
    }

    private void fact(DescriptionList facts, String key, String value) {
        facts.add(new DescriptionList.Term(getTranslation(key)), new DescriptionList.Description(value));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("certificate.verify.title") + " | " + getTranslation("app.name");
    }
}
