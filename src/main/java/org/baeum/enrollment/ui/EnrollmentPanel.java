package org.baeum.enrollment.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.baeum.account.Participant;
import org.baeum.account.ParticipantId;
import org.baeum.catalog.Offering;
import org.baeum.enrollment.Enrollment;
import org.baeum.enrollment.EnrollmentRefusedException;
import org.baeum.enrollment.CitizenEnrollments;
import org.baeum.enrollment.EnrollmentStatus;
import org.baeum.enrollment.Preview;
import org.baeum.enrollment.internal.EnrollmentMail;

/**
 * The one enrolment action that applies to a signed-in citizen (or the household member they choose) on an offering's
 * page: a countdown until the window opens, 신청하기, 대기 신청, 제안 수락 with its deadline, 신청 완료, 대기 n번째, or
 * why not. Enrolling asks for confirmation first (participant, sessions, fee after reduction, clashes) and answers in
 * a status line that screen readers announce.
 * <p>
 * Each press of the action makes one idempotency key, used by the confirmation, whose button is disabled on the first
 * click: a double click, or a retry after a lost answer, gives the first answer again instead of a second entry.
 * <p>
 * The action button and the confirmation's submit button carry element ids ({@link #PRIMARY_ID}, {@link #SUBMIT_ID}):
 * the browser-protocol rush benchmark ({@code UiRushBenchmark}) finds them by id in the UIDL changes.
 */
class EnrollmentPanel extends Section {

    /** Element ids of the action button and of the confirmation's submit button (hooks for a protocol-level client). */
    static final String PRIMARY_ID = "baeum-enrol-primary";
    static final String SUBMIT_ID = "baeum-enrol-submit";

    private final transient CitizenEnrollments enrollments;
    private final transient Clock clock;
    private final Offering offering;

    final Select<Participant> participant = new Select<>();
    final Div action = new Div();
    final Paragraph status = new Paragraph();
    /** The buttons shown now (for tests): the main action, and decline next to an offer. */
    Button primary;
    Button secondary;
    Dialog dialog;
    /** The idempotency key of the confirmation open now: one per press of the action. */
    String key;
    Countdown countdown;
    Preview preview;

    EnrollmentPanel(CitizenEnrollments enrollments, List<Participant> household, Offering offering, Clock clock) {
        this.enrollments = enrollments;
        this.offering = offering;
        this.clock = clock;
        addClassName("baeum-enrol");
        H2 heading = new H2(getTranslation("enrol.title"));
        heading.setId("baeum-enrol-heading");
        getElement().setAttribute("aria-labelledby", heading.getId().orElseThrow());
        add(heading);

        List<Participant> people = household.stream().filter(Participant::active).toList();
        participant.setLabel(getTranslation("enrol.participant"));
        participant.setItems(people);
        participant.setItemLabelGenerator(p -> p == null ? "" : p.self()
                ? getTranslation("enrol.participant.self", p.name()) : p.name());
        people.stream().filter(Participant::self).findFirst().ifPresent(participant::setValue);
        participant.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                status.setText("");
            }
            refresh();
        });
        if (people.size() > 1) {
            add(participant);
        }

        action.addClassName("baeum-enrol-action");
        status.addClassName("baeum-enrol-status");
        status.getElement().setAttribute("role", "status");
        status.getElement().setAttribute("tabindex", "-1");
        add(action, status);
        refresh();
    }

    private ParticipantId chosen() {
        return participant.getValue() == null ? null : participant.getValue().id();
    }

    private String chosenName() {
        Participant p = participant.getValue();
        return p == null ? "" : p.name();
    }

    /** Asks the service what applies now and shows it. */
    void refresh() {
        action.removeAll();
        primary = null;
        secondary = null;
        countdown = null;
        try {
            preview = enrollments.preview(offering.id(), chosen(), EnrollTexts.locale(this));
        } catch (EnrollmentRefusedException e) {
            preview = null;
            action.add(new Paragraph(EnrollTexts.refusal(this, e)));
            return;
        }
        switch (preview.action()) {
            case NOT_OPEN_YET -> notOpenYet();
            case ENROL -> {
                primary = new Button(getTranslation("enrol.enrol"), e -> confirm(false));
                action.add(fee(), buttons(primary));
            }
            case JOIN_WAITLIST -> {
                primary = new Button(getTranslation("enrol.joinWaitlist", preview.waiting()), e -> confirm(true));
                action.add(new Paragraph(getTranslation("enrol.full")), fee(), buttons(primary));
            }
            case ACCEPT_OFFER -> {
                String until = EnrollTexts.dateTime(this, preview.enrollment().offerExpiresAt());
                primary = new Button(getTranslation("enrol.acceptOffer", until), e -> accept());
                secondary = new Button(getTranslation("enrol.declineOffer"), e -> confirmDecline());
                action.add(new Paragraph(getTranslation("enrol.offer.text", until)), fee(), buttons(primary, secondary));
            }
            case ENROLLED -> action.add(badge(getTranslation("enrol.enrolled"), "success"), fee(), myLearning());
            case WAITLISTED -> action.add(badge(getTranslation("enrol.waitlisted",
                    EnrollTexts.position(preview.enrollment())), "contrast"), myLearning());
            case NOT_POSSIBLE -> {
                action.add(new Paragraph(EnrollTexts.notPossible(this, preview)));
                if (preview.refusal() == EnrollmentRefusedException.Reason.NOT_VERIFIED) {
                    action.add(new Anchor("my/account", getTranslation("enrol.verify")));
                }
            }
        }
        if (primary != null) {
            primary.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            primary.setDisableOnClick(true);
            primary.setId(PRIMARY_ID);
        }
    }

    private void notOpenYet() {
        Duration left = Duration.between(clock.instant(), preview.opensAt());
        if (left.compareTo(Duration.ofSeconds(1)) < 0) {
            left = Duration.ofSeconds(1); // the browser asks again in a moment rather than at once
        }
        countdown = new Countdown(left, getTranslation("enrol.days", "#"), this::opened);
        Paragraph ticking = new Paragraph(new Span(getTranslation("enrol.opensIn") + " "), countdown);
        ticking.addClassName("baeum-enrol-countdown");
        action.add(new Paragraph(getTranslation("enrol.opensAt", EnrollTexts.dateTime(this, preview.opensAt()))), ticking,
                fee());
    }

    /** The countdown reached zero: show what applies now, and say so once. */
    void opened() {
        refresh();
        if (preview != null && preview.action() != Preview.Action.NOT_OPEN_YET) {
            status.setText(getTranslation("enrol.nowOpen"));
        }
    }

    private Paragraph fee() {
        Paragraph p = new Paragraph(getTranslation("enrol.fee", EnrollTexts.fee(this, preview.fee())));
        p.addClassName("baeum-enrol-fee");
        return p;
    }

    private static HorizontalLayout buttons(Button... buttons) {
        return Badges.row(buttons);
    }

    private static Span badge(String text, String theme) {
        Span badge = Badges.badge(text, theme);
        badge.addClassName("baeum-enrol-state");
        return badge;
    }

    private Paragraph myLearning() {
        return new Paragraph(new Anchor(EnrollmentMail.MY_LEARNING, getTranslation("enrol.myLearning")));
    }

    // ---- enrol or join the waitlist ------------------------------------------------------------------

    private void confirm(boolean waitlist) {
        key = UUID.randomUUID().toString();
        String thisKey = key;
        dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation(waitlist ? "enrol.confirm.waitlistTitle" : "enrol.confirm.title"));
        DescriptionList facts = new DescriptionList();
        fact(facts, "enrol.confirm.class", offering.title(getLocale()));
        fact(facts, "enrol.confirm.participant", chosenName());
        fact(facts, "enrol.confirm.sessions", EnrollTexts.sessions(this, offering));
        fact(facts, "enrol.confirm.fee", EnrollTexts.fee(this, preview.fee()));
        dialog.add(facts);
        if (preview.fee().amount() > 0) {
            dialog.add(new Paragraph(getTranslation("enrol.confirm.payment")));
        }
        if (!preview.clashes().isEmpty()) {
            Paragraph clash = new Paragraph(getTranslation("enrol.confirm.clashes", String.join(", ", preview.clashes())));
            clash.addClassName("baeum-enrol-clash");
            dialog.add(clash);
        }
        if (waitlist) {
            dialog.add(new Paragraph(getTranslation("enrol.confirm.waitlist", preview.waiting())));
        }
        Button submit = new Button(getTranslation(waitlist ? "enrol.confirm.submitWaitlist" : "enrol.confirm.submit"),
                e -> enroll(thisKey));
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.setDisableOnClick(true);
        submit.addClassName("baeum-enrol-submit");
        submit.setId(SUBMIT_ID);
        Button back = new Button(getTranslation("enrol.back"), e -> dialog.close());
        dialog.getFooter().add(back, submit);
        dialog.addOpenedChangeListener(e -> {
            if (!e.isOpened() && primary != null) {
                primary.setEnabled(true);
            }
        });
        dialog.setWidth("min(95vw, 36rem)");
        dialog.open();
        submit.focus();
    }

    void enroll(String key) {
        try {
            Enrollment e = enrollments.enroll(offering.id(), chosen(), key);
            dialog.close();
            refresh();
            say(e.status() == EnrollmentStatus.WAITLISTED
                    ? getTranslation("enrol.result.waitlisted", EnrollTexts.position(e))
                    : getTranslation("enrol.result.enrolled", offering.title(getLocale())));
        } catch (EnrollmentRefusedException refused) {
            dialog.close();
            refresh();
            say(EnrollTexts.refusal(this, refused));
        }
    }

    // ---- offers ---------------------------------------------------------------------------------------

    void accept() {
        try {
            enrollments.acceptOffer(preview.enrollment().id());
            refresh();
            say(getTranslation("enrol.result.accepted"));
        } catch (EnrollmentRefusedException refused) {
            refresh();
            say(EnrollTexts.refusal(this, refused));
        }
    }

    private void confirmDecline() {
        dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("enrol.decline.title"));
        dialog.add(new Paragraph(getTranslation("enrol.decline.text", offering.title(getLocale()))));
        Button yes = new Button(getTranslation("enrol.decline.confirm"), e -> decline());
        yes.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        yes.setDisableOnClick(true);
        Button back = new Button(getTranslation("enrol.back"), e -> dialog.close());
        dialog.getFooter().add(back, yes);
        dialog.setWidth("min(95vw, 32rem)");
        dialog.open();
        back.focus();
    }

    void decline() {
        try {
            enrollments.declineOffer(preview.enrollment().id());
            dialog.close();
            refresh();
            say(getTranslation("enrol.result.declined"));
        } catch (EnrollmentRefusedException refused) {
            dialog.close();
            refresh();
            say(EnrollTexts.refusal(this, refused));
        }
    }

    /** Puts the answer in the status line (announced) and moves focus there, as the button pressed has gone. */
    private void say(String text) {
        status.setText(text);
        status.getElement().executeJs("this.focus()");
    }

    /** A term and its value; the dialog sits outside the page's styles, so the few rules they need come along. */
    private void fact(DescriptionList list, String key, String value) {
        DescriptionList.Term term = new DescriptionList.Term(getTranslation(key));
        term.getStyle().set("font-weight", "600").set("margin-top", "var(--lumo-space-s)");
        DescriptionList.Description description = new DescriptionList.Description(value);
        description.getStyle().set("margin-inline-start", "0");
        list.add(term, description);
    }
}
