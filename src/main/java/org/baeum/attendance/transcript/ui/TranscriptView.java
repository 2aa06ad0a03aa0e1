package org.baeum.attendance.transcript.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import org.baeum.attendance.certificate.Certificates;
import org.baeum.attendance.completion.CompletionWarnings;
import org.baeum.attendance.degree.DegreeRules;
import org.baeum.attendance.degree.Degrees;
import org.baeum.attendance.degree.ui.DegreeSection;
import org.baeum.attendance.transcript.ParticipantTranscript;
import org.baeum.attendance.transcript.TranscriptItem;
import org.baeum.attendance.transcript.TranscriptPdf;
import org.baeum.attendance.transcript.Transcripts;
import org.baeum.base.i18n.Formats;
import org.baeum.base.security.Role;

/**
 * 학습 이력 (Learning history): per participant of the household, the completed programs with term, hours and
 * completion day, each with a link to its public verification page and a download of its certificate; the total hours.
 */
@Route("my/transcript")
@RolesAllowed(Role.CITIZEN_NAME)
@Menu(order = 67, title = "nav.transcript", icon = "vaadin:diploma")
class TranscriptView extends VerticalLayout implements HasDynamicTitle {

    private final Certificates certificates;

    TranscriptView(Transcripts transcripts, TranscriptPdf transcriptPdf, Certificates certificates,
                   CompletionWarnings warnings, Degrees degrees, DegreeRules degreeRules) {
        this.certificates = certificates;
        addClassName("baeum-transcript");
        add(new H1(getTranslation("transcript.title")), new Paragraph(getTranslation("transcript.intro")));
        RunningClassesSection.of(warnings).ifPresent(this::add);
        List<ParticipantTranscript> mine = transcripts.mine();
        if (mine.isEmpty()) {
            Paragraph empty = new Paragraph(getTranslation("transcript.empty"));
            empty.addClassName("baeum-transcript-empty");
            add(empty);
        } else {
            add(wholePdf(transcriptPdf));
        }
        mine.forEach(p -> add(section(p)));
        add(new DegreeSection(degrees, degreeRules));
    }

    private Section section(ParticipantTranscript p) {
        Locale locale = getLocale();
        H2 heading = new H2(p.name());
        heading.setId("transcript-" + p.participant().value());
        UnorderedList list = new UnorderedList();
        list.getElement().setAttribute("aria-labelledby", heading.getId().orElseThrow());
        p.items().forEach(i -> list.add(item(i, locale)));
        Paragraph total = new Paragraph(getTranslation("transcript.total", hours(p.totalHours(), locale)));
        total.addClassName("baeum-transcript-total");
        Section section = new Section(heading, list, total);
        section.addClassName("baeum-section");
        section.setWidthFull();
        return section;
    }

    private ListItem item(TranscriptItem i, Locale locale) {
        String program = i.program(locale);
        ListItem li = new ListItem(new Span(getTranslation("transcript.item", program, i.term(locale),
                hours(i.hours(), locale), Formats.date(i.completedOn(), locale))));
        li.addClassName("baeum-transcript-item");
        if (i.certificateCode() != null) {
            Anchor verify = new Anchor("certificates/" + i.certificateCode(), getTranslation("transcript.verify"));
            verify.addClassName("baeum-transcript-verify");
            verify.getStyle().set("text-decoration", "underline"); // a link inside a sentence is told apart by more than colour
            verify.getElement().setAttribute("aria-label", getTranslation("transcript.verifyOf", program));
            Anchor pdf = new Anchor(download(i.certificateCode()), "");
            Icon icon = VaadinIcon.DOWNLOAD_ALT.create();
            icon.getElement().setAttribute("aria-hidden", "true");
            pdf.add(icon, new Span(getTranslation("transcript.download")));
            pdf.getElement().setAttribute("aria-label", getTranslation("transcript.downloadOf", program));
            pdf.addClassName("baeum-transcript-pdf");
            pdf.getStyle().set("text-decoration", "underline");
            li.add(new Span(" "), verify, new Span(" "), pdf);
        }
        return li;
    }

    /** The whole household's learning history as one PDF, drawn at the moment of the download. */
    private Anchor wholePdf(TranscriptPdf transcriptPdf) {
        Anchor pdf = new Anchor((DownloadEvent event) -> {
            byte[] bytes = transcriptPdf.mine();
            event.setFileName("learning-history.pdf");
            event.setContentType("application/pdf");
            try (OutputStream out = event.getOutputStream()) {
                out.write(bytes);
            }
        }, "");
        Icon icon = VaadinIcon.DOWNLOAD_ALT.create();
        icon.getElement().setAttribute("aria-hidden", "true");
        pdf.add(icon, new Span(getTranslation("transcript.pdfDownload")));
        pdf.getElement().setAttribute("aria-label", getTranslation("transcript.pdfDownloadLabel"));
        pdf.addClassName("baeum-transcript-all-pdf");
        return pdf;
    }

    /** Streams the certificate's PDF at the moment of the download; the service checks the household again. */
    private DownloadHandler download(String code) {
        return (DownloadEvent event) -> {
            byte[] bytes = certificates.pdf(code).orElseThrow();
            event.setFileName("certificate-" + code + ".pdf");
            event.setContentType("application/pdf");
            try (OutputStream out = event.getOutputStream()) {
                out.write(bytes);
            }
        };
    }

    static String hours(double hours, Locale locale) {
        return hours == Math.rint(hours) ? String.valueOf((long) hours) : String.format(locale, "%.1f", hours);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("transcript.title") + " | " + getTranslation("app.name");
    }
}
