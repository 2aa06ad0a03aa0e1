package org.baeum.recruitment.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.baeum.account.HouseholdService;
import org.baeum.base.i18n.Formats;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.OfferingId;
import org.baeum.recruitment.Application;
import org.baeum.recruitment.ApplicationRefusedException;
import org.baeum.recruitment.ApplicationStatus;
import org.baeum.recruitment.Applications;
import org.baeum.recruitment.Round;
import org.baeum.recruitment.RoundDrawsService;
import org.baeum.recruitment.RoundId;
import org.baeum.recruitment.RoundService;
import org.baeum.recruitment.RoundStatus;
import org.baeum.recruitment.draw.DrawRecord.Result;
import org.springframework.security.access.AccessDeniedException;

/**
 * The household's applications (all, or one round's), one card each: the number, the round, who, the ranked choices,
 * where it stands in words (submitted and when the result comes, withdrawn, being drawn, won with the confirmation
 * deadline, lost and on the waiting lists), withdraw until the close after a confirmation, and the draw record.
 */
class ApplicationList extends Div {

    private final transient Applications applications;
    private final transient RoundService rounds;
    private final transient RoundDrawsService draws;
    private final transient CatalogService catalog;
    private final transient HouseholdService households;
    private final transient Clock clock;
    private final Predicate<Application> shown;

    final UnorderedList cards = new UnorderedList();
    final Paragraph none = new Paragraph();
    final Paragraph status = new Paragraph();
    /** The withdraw buttons shown now, by application number (for tests). */
    final Map<String, Button> withdrawButtons = new HashMap<>();
    Dialog dialog;

    ApplicationList(Applications applications, RoundService rounds, RoundDrawsService draws, CatalogService catalog,
                    HouseholdService households, Clock clock, Predicate<Application> shown) {
        this.applications = applications;
        this.rounds = rounds;
        this.draws = draws;
        this.catalog = catalog;
        this.households = households;
        this.clock = clock;
        this.shown = shown;
        addClassName("baeum-applications");
        cards.addClassName("baeum-results");
        none.setText(getTranslation("applications.none"));
        status.getElement().setAttribute("role", "status");
        status.getElement().setAttribute("tabindex", "-1");
        status.addClassName("baeum-applications-status");
        add(status, none, cards);
        refresh();
    }

    /** Reads the household's applications again. */
    void refresh() {
        cards.removeAll();
        withdrawButtons.clear();
        Instant now = clock.instant();
        Map<String, String> names = new HashMap<>();
        households.myDependants(true).forEach(d -> names.put(d.id().value(), d.name()));
        households.myParticipants().forEach(p -> names.put(p.id().value(), p.name()));
        Map<RoundId, Optional<Round>> roundsById = new HashMap<>();
        Map<RoundId, Map<String, Result>> results = new HashMap<>();
        Map<OfferingId, String> titles = new HashMap<>();
        for (Application a : applications.mine().stream().filter(shown).toList()) {
            Optional<Round> round = roundsById.computeIfAbsent(a.round(), rounds::round);
            if (round.isEmpty()) {
                continue;
            }
            Map<String, Result> byNumber = results.computeIfAbsent(a.round(), id -> drawn(round.get()));
            cards.add(card(a, round.get(), names, byNumber.get(a.number()), titles, now));
        }
        boolean any = cards.getChildren().findAny().isPresent();
        cards.setVisible(any);
        none.setVisible(!any);
    }

    /** The round's results by application number once drawn; none before. */
    private Map<String, Result> drawn(Round round) {
        if (round.status() != RoundStatus.DRAWN && round.status() != RoundStatus.CLOSED) {
            return Map.of();
        }
        return draws.record(round.id()).results().stream().collect(Collectors.toMap(Result::number, r -> r));
    }

    private ListItem card(Application a, Round round, Map<String, String> names, Result result,
                          Map<OfferingId, String> titles, Instant now) {
        ListItem card = new ListItem();
        card.addClassName("baeum-offering-card");
        card.addClassName("baeum-application-card");
        H3 number = new H3(getTranslation("applications.number", a.number()));
        number.addClassName("baeum-offering-title");
        card.add(number);
        card.add(new Paragraph(new Span(getTranslation("applications.round") + " "),
                RoundTexts.link("rounds/" + round.id().value(), round.title(getLocale()))));
        String who = a.household()
                ? getTranslation("applications.who.household", a.seats(), names(a, names))
                : names(a, names);
        card.add(new Paragraph(getTranslation("applications.who", who)));
        OrderedList choices = new OrderedList();
        choices.getElement().setAttribute("aria-label", getTranslation("applications.choices"));
        for (int i = 0; i < a.choices().size(); i++) {
            choices.add(new ListItem(getTranslation("applications.choice", i + 1, title(a.choices().get(i), titles))));
        }
        card.add(new Paragraph(getTranslation("applications.choices")), choices);
        standing(card, a, round, result, titles);
        if (a.status() == ApplicationStatus.SUBMITTED && round.takesApplicationsAt(now)) {
            Button withdraw = new Button(getTranslation("applications.withdraw"), e -> confirmWithdraw(a));
            withdraw.setAriaLabel(getTranslation("applications.withdraw.label", a.number()));
            withdraw.addClassName("baeum-application-withdraw");
            withdrawButtons.put(a.number(), withdraw);
            card.add(withdraw);
        }
        if (round.status() != RoundStatus.UPCOMING && round.status() != RoundStatus.OPEN) {
            card.add(new Paragraph(RoundTexts.link("rounds/" + round.id().value() + "/draw",
                    getTranslation("applications.drawRecord"))));
        }
        return card;
    }

    /** Where the application stands, in words. */
    private void standing(ListItem card, Application a, Round round, Result result, Map<OfferingId, String> titles) {
        if (a.status() == ApplicationStatus.WITHDRAWN) {
            card.add(badge(getTranslation("application.status.WITHDRAWN"), "contrast"));
            return;
        }
        if (result == null) {
            String key = round.status() == RoundStatus.OPEN || round.status() == RoundStatus.UPCOMING
                    ? "applications.submitted" : "applications.drawing";
            card.add(badge(getTranslation(key, RoundTexts.announced(this, round)), "contrast"));
            return;
        }
        if (result.won()) {
            card.add(badge(getTranslation("applications.won", title(new OfferingId(result.offering()), titles)), "success"));
            card.add(new Paragraph(new Span(getTranslation("applications.won.confirm",
                    Formats.dateTime(round.confirmationDeadline(), getLocale())) + " "),
                    RoundTexts.link("my/learning", getTranslation("applications.myLearning"))));
        } else {
            card.add(badge(getTranslation("applications.lost"), "contrast"));
            card.add(new Paragraph(new Span(getTranslation("applications.lost.waitlist") + " "),
                    RoundTexts.link("my/learning", getTranslation("applications.myLearning"))));
        }
    }

    private static Paragraph badge(String text, String theme) {
        Span badge = new Span(text);
        badge.getElement().getThemeList().add("badge " + theme);
        badge.addClassName("baeum-application-state");
        return new Paragraph(badge);
    }

    private String names(Application a, Map<String, String> names) {
        return a.participants().stream().map(p -> names.getOrDefault(p.value(), getTranslation("applications.who.unknown")))
                .collect(Collectors.joining(", "));
    }

    private String title(OfferingId id, Map<OfferingId, String> titles) {
        return titles.computeIfAbsent(id, o -> RoundTexts.offering(this, catalog.offering(o), o.value()));
    }

    private void confirmWithdraw(Application a) {
        dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("applications.withdraw.title"));
        dialog.add(new Paragraph(getTranslation("applications.withdraw.text", a.number())));
        Button yes = new Button(getTranslation("applications.withdraw.confirm"), e -> {
            dialog.close();
            withdraw(a);
        });
        yes.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        yes.setDisableOnClick(true);
        yes.addClassName("baeum-application-withdraw-confirm");
        Button back = new Button(getTranslation("applications.back"), e -> dialog.close());
        dialog.getFooter().add(back, yes);
        dialog.setWidth("min(95vw, 32rem)");
        dialog.open();
        back.focus(); // Enter alone changes nothing
    }

    void withdraw(Application a) {
        String message;
        try {
            applications.withdraw(a.number());
            message = getTranslation("applications.withdrawn", a.number());
        } catch (ApplicationRefusedException e) {
            message = getTranslation(e.messageKey());
        } catch (AccessDeniedException e) {
            message = getTranslation("rounds.apply.denied");
        }
        refresh();
        status.setText(message);
        status.getElement().executeJs("this.focus()");
    }
}
