package org.baeum.enrollment.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import org.baeum.enrollment.Enrollment;
import org.baeum.enrollment.OfferLinks;
import org.baeum.enrollment.OfferLinks.LinkState;
import org.baeum.enrollment.OfferLinks.OfferLink;
import org.baeum.enrollment.internal.EnrollmentMail;

/**
 * Where the accept and decline links of an offer mail lead. Opening the link only shows the offer (class, masked
 * participant, deadline) and one button, because mail scanners and link previews open links too; pressing the button
 * answers. A link that cannot be used (answered, too late, expired, used, changed) gets a page that says so and where
 * to look instead. No sign-in is needed: the signed, single-use link is the proof.
 */
abstract class OfferLinkPage extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final transient OfferLinks enrollments;
    private final boolean accept;
    private final String prefix;
    private String token = "";

    final Button answer = new Button();
    /** What the page shows now (READY: the button), for tests. */
    LinkState state;

    OfferLinkPage(OfferLinks enrollments, boolean accept) {
        this.enrollments = enrollments;
        this.accept = accept;
        this.prefix = accept ? "offerLink.accept" : "offerLink.decline";
        addClassName("baeum-form-page");
        answer.setText(getTranslation(prefix + ".button"));
        answer.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        if (!accept) {
            answer.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        answer.setDisableOnClick(true);
        answer.addClickListener(e -> answer());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        token = event.getLocation().getQueryParameters().getSingleParameter("token").orElse("");
        removeAll();
        OfferLink link = enrollments.check(token, accept);
        state = link.state();
        if (link.state() != LinkState.READY) {
            result(link);
            return;
        }
        Enrollment e = link.enrollment();
        add(new H1(getTranslation(prefix + ".title")),
                new Paragraph(getTranslation("offerLink.class", e.offeringTitle(getLocale()))),
                new Paragraph(getTranslation("offerLink.participant", e.participantName())),
                new Paragraph(getTranslation("offerLink.deadline", EnrollTexts.dateTime(this, e.offerExpiresAt()))),
                new Paragraph(getTranslation(prefix + ".text")), answer);
    }

    void answer() {
        OfferLink result = enrollments.respond(token, accept);
        removeAll();
        state = result.state();
        result(result);
    }

    private void result(OfferLink link) {
        String key = link.state() == LinkState.DONE ? prefix + ".DONE" : "offerLink." + link.state().name();
        Div page = new Div();
        page.getElement().setAttribute("role", "status");
        page.addClassName("baeum-link-result");
        page.add(new H1(getTranslation(key + ".title")), new Paragraph(getTranslation(key + ".text")));
        // too late: the entry may still read "offered" until the expiry job ends it, which would only confuse
        if (link.enrollment() != null && link.state() != LinkState.DONE && link.state() != LinkState.TOO_LATE) {
            page.add(new Paragraph(getTranslation("offerLink.state",
                    getTranslation("enrollment.status." + link.enrollment().status().name()))));
        }
        page.add(new Anchor(EnrollmentMail.MY_LEARNING, getTranslation("offerLink.next")));
        add(page);
    }

    @Override
    public String getPageTitle() {
        return getTranslation(prefix + ".title") + " | " + getTranslation("app.name");
    }
}
