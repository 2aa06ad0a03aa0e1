package org.baeum.attendance.visits.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.baeum.attendance.visits.MembershipCard;
import org.baeum.attendance.visits.MembershipCards;
import org.baeum.attendance.visits.MembershipVisits;
import org.baeum.base.desk.QrCodes;
import org.baeum.base.i18n.Formats;
import org.baeum.base.security.Role;
import org.baeum.enrollment.EnrollmentId;
import org.springframework.security.access.AccessDeniedException;

/**
 * 회원증 (decision 0044): the household's gym memberships and pool classes, each with its desk code in large letters
 * and as a QR code (an image whose alt text says the code, so nothing is only in the picture). {@code ?entry=<id>}
 * shows one card; another household's entry is refused by the service. CITIZEN only.
 */
@Route("my/membership-card")
@RolesAllowed(Role.CITIZEN_NAME)
@Menu(order = 65.5, title = "visits.nav", icon = "vaadin:credit-card")
class MembershipCardView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final int QR_PX = 220;

    private final transient MembershipCards cards;
    private final transient MembershipVisits visits;
    final VerticalLayout list = new VerticalLayout();
    /** Says what a self check-in did, for screen readers too. */
    final Paragraph status = new Paragraph();
    private List<String> shownEntry;

    MembershipCardView(MembershipCards cards, MembershipVisits visits) {
        this.cards = cards;
        this.visits = visits;
        status.getElement().setAttribute("role", "status");
        status.setId("member-status");
        addClassName("baeum-membership-cards");
        list.setPadding(false);
        add(new H1(getTranslation("visits.card.title")), new Paragraph(getTranslation("visits.card.intro")), status,
                list);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<String> entry = event.getLocation().getQueryParameters().getParameters().get("entry");
        shownEntry = entry;
        if (!show(entry)) {
            event.rerouteToError(com.vaadin.flow.router.AccessDeniedException.class);
        }
    }

    /** Shows the household's cards, or the one asked for; false when it is another household's. */
    private boolean show(List<String> entry) {
        List<MembershipCard> shown;
        try {
            shown = entry == null || entry.isEmpty() || entry.getFirst().isBlank() ? cards.mine()
                    : cards.card(new EnrollmentId(entry.getFirst())).stream().toList();
        } catch (AccessDeniedException | IllegalArgumentException refused) { // another household's entry
            return false;
        }
        list.removeAll();
        if (shown.isEmpty()) {
            list.add(new Paragraph(getTranslation("visits.card.none")));
        }
        shown.forEach(c -> list.add(card(c)));
        return true;
    }

    /** Today's visit, or the self check-in button while the member may use it (a gym membership, in its hours). */
    private com.vaadin.flow.component.Component today(MembershipCard c) {
        if (c.checkedInAt() != null) {
            return new Span(getTranslation("visits.self.done", Formats.dateTime(c.checkedInAt(), getLocale())));
        }
        if (!c.selfCheckIn()) {
            return new Span(getTranslation(c.pool() ? "visits.self.atDesk" : "visits.self.notNow"));
        }
        Button checkIn = new Button(getTranslation("visits.self.button"));
        checkIn.addThemeVariants(ButtonVariant.PRIMARY);
        checkIn.setId("self-check-in-" + c.id().value());
        checkIn.getElement().setAttribute("aria-label", getTranslation("visits.self.buttonFor", c.participantName(),
                c.title(getLocale())));
        checkIn.addClickListener(click -> {
            try {
                var at = visits.checkInMine(c.id());
                status.setText(getTranslation("visits.self.done", Formats.dateTime(at, getLocale())));
            } catch (IllegalStateException refused) {
                status.setText(getTranslation(refused.getMessage()));
            }
            show(shownEntry);
        });
        return checkIn;
    }

    private Section card(MembershipCard c) {
        H2 title = new H2(c.title(getLocale()));
        title.setId("card-" + c.id().value());
        Span code = new Span(c.code());
        code.addClassName("baeum-member-code");
        code.getStyle().set("font-size", "2.25rem").set("font-weight", "700").set("letter-spacing", "0.15em")
                .set("font-family", "monospace");
        DescriptionList facts = new DescriptionList();
        fact(facts, "visits.card.member", new Span(c.participantName()));
        fact(facts, "visits.card.period", new Span(getTranslation("visits.card.periodValue",
                Formats.date(c.firstDay(), getLocale()), Formats.date(c.lastDay(), getLocale()))));
        fact(facts, "visits.card.code", code);
        facts.add(new DescriptionList.Term(getTranslation("visits.self.today")),
                new DescriptionList.Description(today(c)));
        Image qr = new Image(QrCodes.dataUri(c.code(), QR_PX), getTranslation("visits.card.qrAlt", c.code()));
        qr.setWidth(QR_PX + "px");
        qr.setHeight(QR_PX + "px");
        qr.addClassName("baeum-member-qr");
        Section section = new Section(title, facts, qr);
        section.getElement().setAttribute("aria-labelledby", title.getId().orElseThrow());
        section.addClassName("baeum-member-card");
        return section;
    }

    private void fact(DescriptionList facts, String key, Span value) {
        facts.add(new DescriptionList.Term(getTranslation(key)), new DescriptionList.Description(value));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("visits.card.title") + " | " + getTranslation("app.name");
    }
}
