package org.baeum.attendance.visits.ui;

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
    final VerticalLayout list = new VerticalLayout();

    MembershipCardView(MembershipCards cards) {
        this.cards = cards;
        addClassName("baeum-membership-cards");
        list.setPadding(false);
        add(new H1(getTranslation("visits.card.title")), new Paragraph(getTranslation("visits.card.intro")), list);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<String> entry = event.getLocation().getQueryParameters().getParameters().get("entry");
        List<MembershipCard> shown;
        try {
            shown = entry == null || entry.isEmpty() || entry.getFirst().isBlank() ? cards.mine()
                    : cards.card(new EnrollmentId(entry.getFirst())).stream().toList();
        } catch (AccessDeniedException | IllegalArgumentException refused) { // another household's entry
            event.rerouteToError(com.vaadin.flow.router.AccessDeniedException.class);
            return;
        }
        list.removeAll();
        if (shown.isEmpty()) {
            list.add(new Paragraph(getTranslation("visits.card.none")));
        }
        shown.forEach(c -> list.add(card(c)));
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
