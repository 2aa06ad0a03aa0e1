package org.baeum.enrollment.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.baeum.base.ui.Dialogs;
import org.baeum.account.AccountId;
import org.baeum.account.HouseholdService;
import org.baeum.account.Participant;
import org.baeum.base.i18n.Formats;
import org.baeum.catalog.CatalogQuery;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.Offering;
import org.baeum.enrollment.Enrollment;
import org.baeum.enrollment.EnrollmentRefusedException;
import org.baeum.enrollment.CitizenEnrollments;
import org.baeum.enrollment.EnrollmentDesk;
import org.baeum.enrollment.EnrollmentStatus;
import org.baeum.enrollment.Fee;
import org.baeum.enrollment.Preview;

/**
 * The enrolments of one household ({@link CitizenEnrollmentsView}), for STAFF at the desk or on the phone: every entry
 * (names in full: the page is a detail view, whose opening is logged once; refreshes after an action are not), accepting or declining an offer and cancelling with a reason; and
 * enrolling a household member in an offering found by title, after showing what would happen and the fee. Every
 * change is written to the access log as an assisted action by the service.
 */
class HouseholdEnrollments extends VerticalLayout {

    private final transient EnrollmentDesk enrollments;
    private final transient CitizenEnrollments entries;
    private final transient CatalogService catalog;
    private final transient Clock clock;
    private final AccountId household;
    final Grid<Enrollment> grid = new Grid<>();
    final Select<Participant> participant = new Select<>();
    final ComboBox<Offering> offering = new ComboBox<>();
    final Div preview = new Div();
    final Button act = new Button();
    Preview current;
    /** The dialog open now (cancel, decline), for tests. */
    Dialog dialog;

    HouseholdEnrollments(EnrollmentDesk enrollments, CitizenEnrollments entries, CatalogService catalog, HouseholdService households, Clock clock,
                         AccountId household) {
        this.enrollments = enrollments;
        this.entries = entries;
        this.catalog = catalog;
        this.clock = clock;
        this.household = household;
        addClassName("baeum-household-enrollments");
        setPadding(false);

        grid.setAriaLabel(getTranslation("enrolHousehold.list"));
        grid.addColumn(Enrollment::participantName).setHeader(getTranslation("enrolHousehold.col.participant")).setAutoWidth(true);
        grid.addColumn(e -> e.offeringTitle(getLocale())).setHeader(getTranslation("enrolHousehold.col.offering")).setFlexGrow(2);
        grid.addColumn(this::status).setHeader(getTranslation("enrolHousehold.col.status")).setAutoWidth(true);
        grid.addColumn(e -> fee(e.fee())).setHeader(getTranslation("enrolDesk.col.fee")).setAutoWidth(true)
                .setTextAlign(ColumnTextAlign.END);
        grid.addColumn(e -> e.status() == EnrollmentStatus.ENROLLED || e.payment() == org.baeum.enrollment.PaymentState.REFUNDED
                ? getTranslation("enrollment.payment." + e.payment().name()) : "")
                .setHeader(getTranslation("enrolDesk.col.payment")).setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader(getTranslation("enrolDesk.col.actions")).setAutoWidth(true);
        grid.setEmptyStateText(getTranslation("enrolHousehold.none"));
        grid.setAllRowsVisible(true);

        participant.setLabel(getTranslation("enrolHousehold.participant"));
        participant.setItems(households.householdOf(household).stream().filter(Participant::active).toList());
        participant.setItemLabelGenerator(p -> p.name() + " · " + getTranslation(p.self() ? "household.self" : p.relation().messageKey()));
        participant.addValueChangeListener(e -> updatePreview());
        offering.setLabel(getTranslation("enrolHousehold.offering"));
        offering.setHelperText(getTranslation("enrolHousehold.offeringHelper"));
        offering.setItems(q -> {
            String text = q.getFilter().map(String::strip).map(s -> s.length() > 100 ? s.substring(0, 100) : s).orElse(null);
            int size = Math.min(CatalogQuery.MAX_SIZE, q.getLimit());
            return catalog.searchForStaff(new CatalogQuery(text, null, null, null, null, null, null, null, null, null,
                    false, null, q.getOffset() / size, size)).items().stream();
        });
        offering.setItemLabelGenerator(o -> o.title(getLocale()) + " · " + o.schedule().describe(getLocale()) + " · "
                + getTranslation("offeringStatus." + o.status(clock.instant()).name()));
        offering.setWidth("min(100%, 36rem)");
        offering.addValueChangeListener(e -> updatePreview());
        HorizontalLayout choose = new HorizontalLayout(participant, offering);
        choose.setAlignItems(FlexComponent.Alignment.BASELINE);
        choose.setWrap(true);
        choose.setWidthFull();
        preview.addClassName("baeum-enrol-preview");
        preview.getElement().setAttribute("aria-live", "polite");
        act.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        act.setDisableOnClick(true);
        act.addClickListener(e -> act());

        add(new H2(getTranslation("enrolHousehold.list")), grid, new H2(getTranslation("enrolHousehold.new")),
                new Paragraph(getTranslation("enrolHousehold.newIntro")), choose, preview, act);
        grid.setItems(enrollments.openEnrollmentsOf(household)); // the opening: written to the access log once
        updatePreview();
    }

    /** Reads the list again after an action on this open page (not logged again). */
    void refresh() {
        grid.setItems(enrollments.enrollmentsOf(household));
    }

    private String status(Enrollment e) {
        String text = getTranslation("enrollment.status." + e.status().name());
        if (e.status() == EnrollmentStatus.WAITLISTED && e.waitlistPosition() != null) {
            return text + " · " + getTranslation("enrolHousehold.position", e.waitlistPosition());
        }
        if (e.status() == EnrollmentStatus.OFFERED && e.offerExpiresAt() != null) {
            return text + " · " + getTranslation("enrolHousehold.offerUntil", Formats.dateTime(e.offerExpiresAt(), getLocale()));
        }
        if (e.refundAmount() > 0) {
            return text + " · " + getTranslation("enrolHousehold.refunded", Formats.won(e.refundAmount(), getLocale()));
        }
        return text;
    }

    private String fee(Fee fee) {
        return fee.base() == 0 ? getTranslation("catalog.free") : Formats.won(fee.amount(), getLocale());
    }

    private Component actions(Enrollment e) {
        List<Button> buttons = new ArrayList<>();
        switch (e.status()) {
            case OFFERED -> {
                buttons.add(button("enrolHousehold.accept", e, () -> accept(e)));
                buttons.add(button("enrolHousehold.decline", e, () -> decline(e)));
            }
            case ENROLLED -> buttons.add(button("enrolDesk.cancel", e, () -> cancel(e)));
            case WAITLISTED -> buttons.add(button("enrolDesk.remove", e, () -> cancel(e)));
            default -> { }
        }
        HorizontalLayout row = new HorizontalLayout(buttons.toArray(Component[]::new));
        row.setSpacing(false);
        return row;
    }

    private Button button(String key, Enrollment e, Runnable action) {
        Button b = new Button(getTranslation(key), click -> action.run());
        b.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        b.setAriaLabel(getTranslation("enrolDesk.actionFor", getTranslation(key),
                e.participantName() + ", " + e.offeringTitle(getLocale())));
        return b;
    }

    // ---- actions on entries ------------------------------------------------------------------------------

    void accept(Enrollment e) {
        try {
            entries.acceptOffer(e.id());
            Notices.success(getTranslation("enrolHousehold.accepted", e.participantName() + ", " + e.offeringTitle(getLocale())));
        } catch (EnrollmentRefusedException refused) {
            Notices.error(EnrollTexts.refusal(this, refused));
        }
        changed();
    }

    /** Declining gives the seat away: asked first. */
    void decline(Enrollment e) {
        Dialog d = new Dialog(getTranslation("enrolHousehold.declineTitle", e.participantName()));
        d.add(new Paragraph(e.offeringTitle(getLocale())), new Paragraph(getTranslation("enrolHousehold.declineText")));
        Button confirm = new Button(getTranslation("enrolHousehold.decline"), click -> {
            d.close();
            try {
                entries.declineOffer(e.id());
                Notices.success(getTranslation("enrolHousehold.declined", e.participantName() + ", " + e.offeringTitle(getLocale())));
            } catch (EnrollmentRefusedException refused) {
                Notices.error(EnrollTexts.refusal(this, refused));
            }
            changed();
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        d.getFooter().add(new Button(getTranslation("common.close"), click -> d.close()), confirm);
        d.setWidth("min(95vw, 32rem)");
        open(d);
    }

    void cancel(Enrollment e) {
        open(new CancelDialog(entries, e, e.participantName(), this::changed));
    }

    private void open(Dialog d) {
        dialog = Dialogs.openIn(this, d);
    }

    private void changed() {
        refresh();
        updatePreview();
    }

    // ---- assisted enrolment ------------------------------------------------------------------------------

    /** Shows what enrolling the chosen person in the chosen offering would do now, and the fee. */
    void updatePreview() {
        current = null;
        act.setVisible(false);
        preview.removeAll();
        Participant p = participant.getValue();
        Offering o = offering.getValue();
        if (p == null || o == null) {
            preview.add(new Paragraph(getTranslation("enrolHousehold.choose")));
            return;
        }
        try {
            current = enrollments.previewFor(o.id(), p.id(), getLocale());
        } catch (EnrollmentRefusedException refused) {
            preview.add(new Paragraph(EnrollTexts.refusal(this, refused)));
            return;
        }
        preview.add(new Paragraph(describe(current)));
        Fee fee = current.fee();
        if (fee != null) {
            preview.add(new Paragraph(fee.reductionCode() == null
                    ? getTranslation("enrolHousehold.fee", fee(fee))
                    : getTranslation("enrolHousehold.feeReduced", fee(fee), Formats.won(fee.base(), getLocale()),
                    fee.reductionName(getLocale()), fee.reductionPercent())));
        }
        if (!current.clashes().isEmpty()) {
            preview.add(new Paragraph(getTranslation("enrolHousehold.clashes", String.join(", ", current.clashes()))));
        }
        String label = switch (current.action()) {
            case ENROL -> "enrolHousehold.enrol";
            case JOIN_WAITLIST -> "enrolHousehold.join";
            case ACCEPT_OFFER -> "enrolHousehold.accept";
            default -> null;
        };
        if (label != null) {
            act.setText(getTranslation(label));
            act.setVisible(true);
            act.setEnabled(true);
        }
    }

    private String describe(Preview p) {
        return switch (p.action()) {
            case ENROL -> getTranslation("enrolHousehold.preview.ENROL");
            case JOIN_WAITLIST -> getTranslation("enrolHousehold.preview.JOIN_WAITLIST", p.waiting());
            case NOT_OPEN_YET -> getTranslation("enrolHousehold.preview.NOT_OPEN_YET", Formats.dateTime(p.opensAt(), getLocale()));
            case ACCEPT_OFFER -> getTranslation("enrolHousehold.preview.ACCEPT_OFFER", p.enrollment() == null
                    || p.enrollment().offerExpiresAt() == null ? "—" : Formats.dateTime(p.enrollment().offerExpiresAt(), getLocale()));
            case ENROLLED -> getTranslation("enrolHousehold.preview.ENROLLED");
            case WAITLISTED -> getTranslation("enrolHousehold.preview.WAITLISTED",
                    p.enrollment() == null || p.enrollment().waitlistPosition() == null ? "—" : p.enrollment().waitlistPosition());
            case NOT_POSSIBLE -> getTranslation("enrolHousehold.preview.NOT_POSSIBLE", EnrollTexts.notPossible(this, p));
        };
    }

    /** Enrols, joins the waitlist or accepts the offer for the chosen person; one idempotency key per click. */
    void act() {
        Preview shown = current;
        Participant p = participant.getValue();
        Offering o = offering.getValue();
        if (shown == null || p == null || o == null) {
            act.setEnabled(true);
            return;
        }
        String what = p.name() + ", " + o.title(getLocale());
        try {
            if (shown.action() == Preview.Action.ACCEPT_OFFER && shown.enrollment() != null) {
                entries.acceptOffer(shown.enrollment().id());
                Notices.success(getTranslation("enrolHousehold.accepted", what));
            } else {
                Enrollment done = enrollments.enrollFor(p.id(), o.id(), UUID.randomUUID().toString());
                Notices.success(done.status() == EnrollmentStatus.WAITLISTED
                        ? getTranslation("enrolHousehold.waitlisted", p.name(), o.title(getLocale()), done.waitlistPosition())
                        : getTranslation("enrolHousehold.enrolled", p.name(), o.title(getLocale())));
            }
        } catch (EnrollmentRefusedException refused) {
            Notices.error(EnrollTexts.refusal(this, refused));
        }
        act.setEnabled(true);
        changed();
    }
}
