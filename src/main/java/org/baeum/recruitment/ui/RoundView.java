package org.baeum.recruitment.ui;

import com.vaadin.flow.component.dependency.Uses;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.baeum.account.HouseholdService;
import org.baeum.base.i18n.Formats;
import org.baeum.base.security.CurrentUser;
import org.baeum.base.security.Role;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.Offering;
import org.baeum.catalog.OfferingId;
import org.baeum.recruitment.Applications;
import org.baeum.recruitment.Round;
import org.baeum.recruitment.RoundDrawsService;
import org.baeum.recruitment.RoundId;
import org.baeum.recruitment.RoundService;
import org.baeum.recruitment.RoundStatus;

/**
 * One round, public: where it stands, its phases as a timeline, its offerings (weekday, time, seats), the commitment
 * and the draw record. A signed-in citizen applies here while the lottery is open ({@link ApplyForm}) and sees their
 * household's applications in this round ({@link ApplicationList}); a visitor gets a sign-in link that comes back here
 * ({@link RoundSignIn}). Other roles see the round only.
 */
@Route("rounds/:id")
@AnonymousAllowed
@Uses(Select.class)
@Uses(Dialog.class)
class RoundView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final transient RoundService rounds;
    private final transient RoundDrawsService draws;
    private final transient Applications applications;
    private final transient CatalogService catalog;
    private final transient HouseholdService households;
    private final transient CurrentUser currentUser;
    private final transient Clock clock;
    private String title = "";

    ApplyForm form;
    ApplicationList mine;
    Anchor signIn;

    RoundView(RoundService rounds, RoundDrawsService draws, Applications applications, CatalogService catalog,
              HouseholdService households, CurrentUser currentUser, Clock clock) {
        this.rounds = rounds;
        this.draws = draws;
        this.applications = applications;
        this.catalog = catalog;
        this.households = households;
        this.currentUser = currentUser;
        this.clock = clock;
        addClassName("baeum-round");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        form = null;
        mine = null;
        signIn = null;
        Optional<Round> round = event.getRouteParameters().get("id").filter(RoundId::wellFormed)
                .flatMap(id -> rounds.round(new RoundId(id)));
        if (round.isEmpty()) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        show(round.get());
    }

    private void show(Round round) {
        Instant now = clock.instant();
        title = round.title(getLocale());
        add(new H1(title), new Paragraph(RoundTexts.status(this, round)), new Paragraph(standing(round)));

        Section schedule = section("rounds.schedule");
        schedule.add(RoundTexts.timeline(this, round, now));
        if (round.confirmationDeadline() != null) {
            schedule.add(new Paragraph(getTranslation("rounds.confirmationDeadline",
                    Formats.dateTime(round.confirmationDeadline(), getLocale()))));
        }
        add(schedule);

        Map<OfferingId, String> labels = new LinkedHashMap<>();
        UnorderedList list = new UnorderedList();
        list.addClassName("baeum-round-offerings");
        for (OfferingId id : round.offerings()) {
            Optional<Offering> o = catalog.offering(id);
            labels.put(id, RoundTexts.offering(this, o, id.value()));
            ListItem item = new ListItem(RoundTexts.link("catalog/offering/" + id.value(),
                    o.map(found -> found.title(getLocale())).orElse(id.value())));
            o.ifPresent(found -> item.add(new com.vaadin.flow.component.Text(" · " + found.schedule().describe(getLocale())
                    + " · " + getTranslation("catalog.seats", found.seatsLeft(), found.capacity()))));
            list.add(item);
        }
        Section offerings = section("rounds.offerings");
        offerings.add(list);
        add(offerings);

        Section draw = section("rounds.draw");
        draw.add(new Paragraph(getTranslation("rounds.draw.text")));
        if (round.commitment() != null) {
            Paragraph commitment = new Paragraph(getTranslation("rounds.commitment", round.commitment(),
                    Formats.dateTime(round.committedAt(), getLocale())));
            commitment.getStyle().set("overflow-wrap", "anywhere");
            draw.add(commitment);
        }
        draw.add(new Paragraph(RoundTexts.link("rounds/" + round.id().value() + "/draw",
                getTranslation("rounds.draw.link"))));
        add(draw);

        if (currentUser.get().isEmpty()) {
            if (round.status() == RoundStatus.UPCOMING || round.status() == RoundStatus.OPEN) {
                Section apply = section("rounds.apply.title");
                signIn = RoundTexts.link(RoundSignIn.path(round.id()), getTranslation("rounds.apply.signIn"));
                signIn.addClassName("baeum-apply-sign-in");
                apply.add(new Paragraph(getTranslation("rounds.apply.signIn.text")), new Paragraph(signIn));
                add(apply);
            }
        } else if (currentUser.hasRole(Role.CITIZEN)) {
            citizen(round, now, labels);
        }
        add(new RouterLink(getTranslation("rounds.back"), RoundsView.class));
    }

    private void citizen(Round round, Instant now, Map<OfferingId, String> labels) {
        if (round.takesApplicationsAt(now)) {
            form = new ApplyForm(applications, round, households.myParticipants(), labels, () -> mine.refresh());
            add(form);
        }
        Section section = section("rounds.mine");
        mine = new ApplicationList(applications, rounds, draws, catalog, households, clock,
                a -> a.round().equals(round.id()));
        section.add(mine, new Paragraph(RoundTexts.link("my/applications", getTranslation("rounds.mine.all"))));
        add(section);
    }

    /** One sentence on where the round stands for someone who wants to apply. */
    private String standing(Round round) {
        String opens = Formats.dateTime(round.applicationsOpen(), getLocale());
        String closes = RoundTexts.announced(this, round);
        return switch (round.status()) {
            case UPCOMING -> getTranslation("rounds.standing.UPCOMING", opens, closes);
            case OPEN -> getTranslation("rounds.standing.OPEN", closes);
            case DRAWING -> getTranslation("rounds.standing.DRAWING", closes);
            case DRAWN -> getTranslation("rounds.standing.DRAWN");
            case CLOSED -> getTranslation("rounds.standing.CLOSED");
        };
    }

    private Section section(String headingKey) {
        Section s = new Section(new H2(getTranslation(headingKey)));
        s.addClassName("baeum-section");
        s.setWidthFull();
        return s;
    }

    @Override
    public String getPageTitle() {
        return title + " | " + getTranslation("app.name");
    }
}
