package org.baeum.enrollment.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.baeum.enrollment.EnrollmentRefusedException;
import org.baeum.enrollment.ReRegistration;
import org.baeum.enrollment.ReRegistrations;

/**
 * 재등록 on My learning: while a round's re-registration phase is open, the places the household may keep in next
 * term's continuation of a class it learns in now, each with its deadline and a button; a kept place says so. Hidden
 * when there is none.
 */
class ReRegistrationSection extends Section {

    private final transient ReRegistrations reRegistrations;
    private final transient Consumer<String> done;
    final UnorderedList places = new UnorderedList();
    /** The claim buttons by {@code offering|participant}, for tests. */
    final Map<String, Button> buttons = new HashMap<>();

    /** {@code done} gets the outcome to announce (the view refreshes its lists and says it in its status line). */
    ReRegistrationSection(ReRegistrations reRegistrations, Consumer<String> done) {
        this.reRegistrations = reRegistrations;
        this.done = done;
        addClassName("baeum-section");
        addClassName("baeum-reregistration");
        setWidthFull();
        places.addClassName("baeum-results");
        add(new H2(getTranslation("reregistration.title")), new Paragraph(getTranslation("reregistration.intro")), places);
        refresh();
    }

    void refresh() {
        places.removeAll();
        buttons.clear();
        List<ReRegistration> mine = reRegistrations.mine();
        mine.forEach(r -> places.add(card(r)));
        setVisible(!mine.isEmpty());
    }

    private ListItem card(ReRegistration r) {
        ListItem card = new ListItem();
        card.addClassName("baeum-offering-card");
        card.addClassName("baeum-learning-card");
        String title = r.offeringTitle(getLocale());
        card.add(new H3(title), new Paragraph(getTranslation("learning.participant", r.participantName())),
                new Paragraph(getTranslation("reregistration.round", r.roundTitle(getLocale()))));
        if (r.claimed()) {
            card.add(new Paragraph(Badges.badge(getTranslation("reregistration.kept"), "success")));
            return card;
        }
        card.add(new Paragraph(getTranslation("reregistration.until", EnrollTexts.dateTime(this, r.closesAt()))));
        Button keep = new Button(getTranslation("reregistration.keep"), click -> keep(r));
        keep.setAriaLabel(getTranslation("reregistration.keep.label", title, r.participantName()));
        keep.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        buttons.put(r.offering().value() + "|" + r.participant().value(), keep);
        card.add(Badges.row(keep));
        return card;
    }

    void keep(ReRegistration r) {
        String message;
        try {
            reRegistrations.claim(r.round(), r.offering(), r.participant());
            message = getTranslation("reregistration.done", r.offeringTitle(getLocale()), r.participantName());
        } catch (EnrollmentRefusedException refused) {
            message = EnrollTexts.refusal(this, refused);
        }
        refresh();
        done.accept(message);
    }
}
