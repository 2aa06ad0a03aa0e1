package org.baeum.attendance.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import org.baeum.catalog.OfferingId;
import org.baeum.enrollment.InstructorRosters;
import org.baeum.enrollment.RosterContact;
import org.baeum.enrollment.RosterEntry;
import org.springframework.security.access.AccessDeniedException;

/**
 * The class roster (issue 16, point 2): name, age band and masked contact of each enrolled participant, and for the
 * class's instructor a "연락처 보기" button that opens the full contact (written to the access log) in a dialog. The
 * fee reduction is never shown here.
 */
class RosterSection extends Section {

    private final transient InstructorRosters rosters;
    private final OfferingId offeringId;
    /** The contact dialog open now, for tests. */
    Dialog dialog;

    RosterSection(InstructorRosters rosters, OfferingId offeringId, List<RosterEntry> entries, boolean contacts) {
        this.rosters = rosters;
        this.offeringId = offeringId;
        addClassName("baeum-roster");
        setWidthFull();
        add(new H2(getTranslation("attendancePage.roster", entries.size())));
        if (entries.isEmpty()) {
            add(new Paragraph(getTranslation("attendancePage.noneEnrolled")));
        }
        for (RosterEntry e : entries) {
            Div row = new Div();
            row.addClassName("baeum-roster-row");
            row.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-s)")
                    .set("align-items", "center").set("padding-block", "var(--lumo-space-xs)");
            Span name = new Span(e.name());
            name.getStyle().set("font-weight", "600");
            row.add(name, new Span(ageBand(e.ageBand())), new Span(e.maskedContact()));
            if (contacts) {
                Button show = new Button(getTranslation("attendancePage.showContact"), click -> open(e));
                show.addClassName("baeum-show-contact");
                show.getElement().setAttribute("aria-label", getTranslation("attendancePage.showContactOf", e.name()));
                show.getStyle().set("min-height", "44px");
                row.add(show);
            }
            add(row);
        }
    }

    private String ageBand(int band) {
        return band == 0 ? getTranslation("attendancePage.ageUnder10")
                : band >= 70 ? getTranslation("attendancePage.age70") : getTranslation("attendancePage.ageBand", band);
    }

    void open(RosterEntry e) {
        dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("attendancePage.contactTitle", e.name()));
        try {
            RosterContact contact = rosters.contact(offeringId, e.id());
            Paragraph email = new Paragraph(contact.email());
            email.addClassName("baeum-contact-email");
            dialog.add(email, new Paragraph(getTranslation("attendancePage.contactLogged")));
        } catch (AccessDeniedException refused) {
            dialog.add(new Paragraph(getTranslation("attendancePage.contactRefused")));
        }
        Button close = new Button(getTranslation("attendancePage.close"), click -> dialog.close());
        close.getStyle().set("min-height", "44px");
        dialog.getFooter().add(close);
        dialog.open();
    }
}
