package org.baeum.recruitment.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.baeum.base.i18n.Formats;
import org.baeum.recruitment.Round;
import org.baeum.recruitment.RoundService;

/**
 * 추첨 모집 (Recruitment rounds), public: every round with its status in words, its phases with their dates in
 * Asia/Seoul, the commitment once published, and a link to the round's page where citizens apply.
 */
@Route("rounds")
@AnonymousAllowed
@Menu(order = 6, title = "nav.rounds", icon = "vaadin:ticket")
class RoundsView extends VerticalLayout implements HasDynamicTitle {

    final UnorderedList list = new UnorderedList();
    final Paragraph none = new Paragraph();

    RoundsView(RoundService rounds, Clock clock) {
        addClassName("baeum-rounds");
        list.addClassName("baeum-results");
        none.setText(getTranslation("rounds.none"));
        add(new H1(getTranslation("rounds.title")), new Paragraph(getTranslation("rounds.intro")), none, list);
        Instant now = clock.instant();
        List<Round> all = rounds.rounds();
        all.forEach(r -> list.add(card(r, now)));
        list.setVisible(!all.isEmpty());
        none.setVisible(all.isEmpty());
    }

    private ListItem card(Round round, Instant now) {
        ListItem card = new ListItem();
        card.addClassName("baeum-offering-card");
        card.addClassName("baeum-round-card");
        H2 title = new H2(RoundTexts.link("rounds/" + round.id().value(), round.title(getLocale())));
        title.addClassName("baeum-offering-title");
        card.add(title, new Paragraph(RoundTexts.status(this, round)), RoundTexts.timeline(this, round, now));
        if (round.commitment() != null) {
            Paragraph commitment = new Paragraph(getTranslation("rounds.commitment", round.commitment(),
                    Formats.dateTime(round.committedAt(), getLocale())));
            commitment.getStyle().set("overflow-wrap", "anywhere");
            card.add(commitment);
        }
        return card;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("rounds.title") + " | " + getTranslation("app.name");
    }
}
