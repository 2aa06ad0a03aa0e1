package org.baeum.enrollment.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.baeum.base.security.Role;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.Offering;
import org.baeum.enrollment.Enrollment;
import org.baeum.enrollment.EnrollmentRefusedException;
import org.baeum.enrollment.CitizenEnrollments;
import org.baeum.enrollment.ReRegistrations;
import org.baeum.enrollment.internal.EnrollmentMail;

/**
 * 나의 배움 (My learning): the household's offers waiting for an answer (with the deadline, accept and decline), current
 * and upcoming classes (first session, fee and reduction, payment, cancel until the cut-off with the refund stated
 * before confirming), waiting lists with the place in line, and the history of everything that ended. Cards with
 * headings for what needs doing, a grid for the history; every action works with the keyboard alone.
 */
@Route(EnrollmentMail.MY_LEARNING)
@RolesAllowed(Role.CITIZEN_NAME)
@Menu(order = 65, title = "nav.myLearning", icon = "vaadin:academy-cap")
class MyLearningView extends VerticalLayout implements HasDynamicTitle {

    private final transient CitizenEnrollments enrollments;
    private final transient org.baeum.enrollment.ClassReminders reminders;
    private final transient CatalogService catalog;
    private final transient Clock clock;

    final Paragraph status = new Paragraph();
    final UnorderedList offers = cardList();
    final UnorderedList upcoming = cardList();
    final UnorderedList waiting = cardList();
    final Grid<Enrollment> history = new LearningHistory();
    final Paragraph noOffers = new Paragraph();
    final Paragraph noUpcoming = new Paragraph();
    final Paragraph noWaiting = new Paragraph();
    final Paragraph noHistory = new Paragraph();
    Dialog dialog;
    /** The buttons of each card, by entry id and purpose (accept, decline, cancel, leave), for tests. */
    final Map<String, Button> buttons = new HashMap<>();

    final ReRegistrationSection reRegistration;

    MyLearningView(CitizenEnrollments enrollments, ReRegistrations reRegistrations, CatalogService catalog, Clock clock,
                   org.baeum.enrollment.ClassReminders reminders,
                   org.springframework.beans.factory.ObjectProvider<org.baeum.base.ui.MyLearningBanner> banners) {
        this.enrollments = enrollments;
        this.reminders = reminders;
        this.catalog = catalog;
        this.clock = clock;
        addClassName("baeum-my-learning");
        status.addClassName("baeum-learning-status");
        status.getElement().setAttribute("role", "status");
        status.getElement().setAttribute("tabindex", "-1");
        noOffers.setText(getTranslation("learning.none.offers"));
        Anchor findClasses = new Anchor("catalog", getTranslation("learning.findClasses"));
        findClasses.getStyle().set("text-decoration", "underline"); // a link inside a sentence is told apart by more than colour
        noUpcoming.add(new com.vaadin.flow.component.Text(getTranslation("learning.none.upcoming") + " "), findClasses);
        noWaiting.setText(getTranslation("learning.none.waitlist"));
        noHistory.setText(getTranslation("learning.none.history"));

        reRegistration = new ReRegistrationSection(reRegistrations, this::announce);
        add(new H1(getTranslation("learning.title")), new Paragraph(getTranslation("learning.intro")), status);
        banners.orderedStream().forEach(b -> b.create().ifPresent(this::add));
        add(reRegistration, section("learning.offers", noOffers, offers), section("learning.upcoming", noUpcoming, upcoming),
                section("learning.waitlist", noWaiting, waiting), section("learning.history", noHistory, history));
        refresh();
    }

    private static UnorderedList cardList() {
        UnorderedList list = new UnorderedList();
        list.addClassName("baeum-results");
        return list;
    }

    private Section section(String titleKey, Component... content) {
        Section s = new Section(new H2(getTranslation(titleKey)));
        s.add(content);
        s.addClassName("baeum-section");
        s.setWidthFull();
        return s;
    }

    /** Reads the household's entries again and shows each where it belongs. */
    void refresh() {
        offers.removeAll();
        upcoming.removeAll();
        waiting.removeAll();
        buttons.clear();
        Instant now = clock.instant();
        List<Enrollment> ended = new ArrayList<>();
        List<Enrollment> all = enrollments.myEnrollments();
        Map<String, Optional<Offering>> offerings = new HashMap<>();
        for (Enrollment e : all) {
            Optional<Offering> o = offerings.computeIfAbsent(e.offering().value(), id -> catalog.offering(e.offering()));
            switch (e.status()) {
                case OFFERED -> offers.add(offerCard(e, o.orElse(null)));
                case WAITLISTED -> waiting.add(waitingCard(e, o.orElse(null)));
                case ENROLLED -> {
                    Instant end = o.map(EnrollTexts::lastEnd).orElse(null);
                    if (end != null && !now.isBefore(end)) {
                        ended.add(e);
                    } else {
                        upcoming.add(enrolledCard(e, o.orElse(null), now));
                    }
                }
                default -> ended.add(e);
            }
        }
        showOrSayNone(offers, noOffers);
        showOrSayNone(upcoming, noUpcoming);
        showOrSayNone(waiting, noWaiting);
        ended.sort(Comparator.comparing((Enrollment e) -> e.endedAt() == null ? e.createdAt() : e.endedAt()).reversed());
        history.setItems(ended);
        history.setVisible(!ended.isEmpty());
        noHistory.setVisible(ended.isEmpty());
    }

    private static void showOrSayNone(UnorderedList list, Paragraph none) {
        boolean any = list.getChildren().findAny().isPresent();
        list.setVisible(any);
        none.setVisible(!any);
    }

    // ---- cards ---------------------------------------------------------------------------------------

    private ListItem card(Enrollment e) {
        ListItem card = new ListItem();
        card.addClassName("baeum-offering-card");
        card.addClassName("baeum-learning-card");
        H3 title = new H3(new Anchor("catalog/offering/" + e.offering().value(), e.offeringTitle(getLocale())));
        title.addClassName("baeum-offering-title");
        card.add(title, new Paragraph(getTranslation("learning.participant", e.participantName())));
        return card;
    }

    private ListItem offerCard(Enrollment e, Offering o) {
        ListItem card = card(e);
        card.add(state(getTranslation("enrollment.status.OFFERED"), "success"),
                new Paragraph(getTranslation("learning.offerUntil", EnrollTexts.dateTime(this, e.offerExpiresAt()))));
        if (o != null) {
            card.add(new Paragraph(getTranslation("learning.schedule", EnrollTexts.sessions(this, o))));
        }
        card.add(new Paragraph(getTranslation("enrol.fee", EnrollTexts.fee(this, e.fee()))));
        String title = e.offeringTitle(getLocale());
        Button accept = button(e, "accept", getTranslation("learning.accept"), getTranslation("learning.accept.label", title),
                () -> accept(e));
        accept.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button decline = button(e, "decline", getTranslation("learning.decline"),
                getTranslation("learning.decline.label", title), () -> confirmDecline(e));
        card.add(row(accept, decline));
        return card;
    }

    private ListItem enrolledCard(Enrollment e, Offering o, Instant now) {
        ListItem card = card(e);
        card.add(state(getTranslation("enrollment.status.ENROLLED"), "success"));
        if (o != null) {
            card.add(new Paragraph(getTranslation("learning.firstSession", EnrollTexts.dateTime(this, EnrollTexts.firstStart(o)))),
                    new Paragraph(getTranslation("learning.schedule", EnrollTexts.sessions(this, o))));
        }
        card.add(new Paragraph(getTranslation("enrol.fee", EnrollTexts.fee(this, e.fee()))),
                new Paragraph(getTranslation("learning.payment", getTranslation("enrollment.payment." + e.payment().name()))),
                new ReminderSwitch(reminders, e, status::setText));
        if (o != null) {
            Instant cutoff = enrollments.cancelCutoff(o);
            if (now.isBefore(cutoff)) {
                card.add(new Paragraph(getTranslation("learning.cutoff", EnrollTexts.dateTime(this, cutoff))));
                card.add(row(button(e, "cancel", getTranslation("learning.cancel"),
                        getTranslation("learning.cancel.label", e.offeringTitle(getLocale())), () -> confirmCancel(e, cutoff))));
            } else {
                card.add(new Paragraph(getTranslation("learning.cutoffPassed", EnrollTexts.dateTime(this, cutoff))));
            }
        }
        return card;
    }

    private ListItem waitingCard(Enrollment e, Offering o) {
        ListItem card = card(e);
        card.add(state(getTranslation("enrol.waitlisted", EnrollTexts.position(e)), "contrast"));
        if (o != null) {
            card.add(new Paragraph(getTranslation("learning.schedule", EnrollTexts.sessions(this, o))));
        }
        card.add(new Paragraph(getTranslation("enrol.fee", EnrollTexts.fee(this, e.fee()))));
        card.add(row(button(e, "leave", getTranslation("learning.leave"),
                getTranslation("learning.leave.label", e.offeringTitle(getLocale())), () -> confirmLeave(e))));
        return card;
    }

    private Button button(Enrollment e, String what, String text, String label, Runnable onClick) {
        Button b = new Button(text, click -> onClick.run());
        b.setAriaLabel(label);
        b.addClassName("baeum-learning-" + what);
        buttons.put(e.id().value() + ":" + what, b);
        return b;
    }

    private static HorizontalLayout row(Button... buttons) {
        return Badges.row(buttons);
    }

    private static Paragraph state(String text, String theme) {
        return new Paragraph(Badges.badge(text, theme));
    }

    // ---- actions -------------------------------------------------------------------------------------

    void accept(Enrollment e) {
        act(() -> {
            enrollments.acceptOffer(e.id());
            return getTranslation("enrol.result.accepted");
        });
    }

    private void confirmDecline(Enrollment e) {
        ask(getTranslation("enrol.decline.title"),
                List.of(getTranslation("enrol.decline.text", e.offeringTitle(getLocale()))),
                getTranslation("enrol.decline.confirm"), () -> {
                    enrollments.declineOffer(e.id());
                    return getTranslation("enrol.result.declined");
                });
    }

    private void confirmCancel(Enrollment e, Instant cutoff) {
        List<String> lines = EnrollTexts.cancelLines(this, e, enrollments.refundIfCancelledNow(e.id()), cutoff);
        ask(getTranslation("learning.cancel.title"), lines, getTranslation("learning.cancel.confirm"),
                () -> EnrollTexts.cancelled(this, enrollments.cancel(e.id(), null)));
    }

    private void confirmLeave(Enrollment e) {
        ask(getTranslation("learning.leave.title"), List.of(getTranslation("learning.leave.text", e.offeringTitle(getLocale()))),
                getTranslation("learning.leave.confirm"), () -> {
                    enrollments.cancel(e.id(), null);
                    return getTranslation("learning.left");
                });
    }

    /** A confirmation for something that cannot be undone; "go back" has the focus, so Enter alone changes nothing. */
    private void ask(String title, List<String> lines, String confirmText, java.util.function.Supplier<String> action) {
        dialog = new Dialog();
        dialog.setHeaderTitle(title);
        lines.forEach(line -> dialog.add(new Paragraph(line)));
        Button yes = new Button(confirmText, click -> {
            dialog.close();
            act(action);
        });
        yes.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        yes.setDisableOnClick(true);
        yes.addClassName("baeum-learning-confirm");
        Button back = new Button(getTranslation("enrol.back"), click -> dialog.close());
        dialog.getFooter().add(back, yes);
        dialog.setWidth("min(95vw, 34rem)");
        dialog.open();
        back.focus();
    }

    private void act(java.util.function.Supplier<String> action) {
        String message;
        try {
            message = action.get();
        } catch (EnrollmentRefusedException refused) {
            message = EnrollTexts.refusal(this, refused);
        }
        announce(message);
    }

    /** Reads everything again and says {@code message} in the status line, which takes the focus. */
    private void announce(String message) {
        refresh();
        status.setText(message);
        status.getElement().executeJs("this.focus()");
    }

    @Override
    public String getPageTitle() {
        return getTranslation("learning.title") + " | " + getTranslation("app.name");
    }
}
