package org.baeum.enrollment.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.baeum.base.i18n.Formats;
import org.baeum.base.security.Role;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.Offering;
import org.baeum.catalog.OfferingId;
import org.baeum.enrollment.Enrollment;
import org.baeum.enrollment.EnrollmentRefusedException;
import org.baeum.enrollment.CitizenEnrollments;
import org.baeum.enrollment.EnrollmentDesk;
import org.baeum.enrollment.OfferingRulesDesk;
import org.baeum.enrollment.Fee;
import org.baeum.enrollment.OfferingDesk;
import org.baeum.enrollment.PaymentState;

/**
 * One offering at the desk: its seats (capacity, taken, free, held by offers), who is enrolled (names masked, fee,
 * reduction, payment, whether staff enrolled them), the offers waiting for an answer and the waitlist in order.
 * Staff record payments or waive fees, cancel with a reason (the dialog shows the refund), move someone in the
 * waitlist with a reason, change the capacity (new seats are offered to the waitlist at once) and set how long an
 * offer holds a seat and the payment deadline.
 */
@Route("staff/enrollments/:offeringId")
@RolesAllowed({Role.STAFF_NAME, Role.ADMIN_NAME})
class OfferingDeskView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final transient EnrollmentDesk enrollments;
    private final transient CitizenEnrollments entries;
    private final transient Clock clock;

    OfferingId offeringId;
    OfferingDesk desk;
    final H1 title = new H1();
    final Paragraph facts = new Paragraph();
    final DescriptionList seats = new DescriptionList();
    final H2 enrolledHeading = new H2();
    final H2 offersHeading = new H2();
    final H2 waitlistHeading = new H2();
    final Grid<Enrollment> enrolled = new Grid<>();
    final Grid<Enrollment> offers = new Grid<>();
    final Grid<Enrollment> waitlist = new Grid<>();
    final DeskSettings settings;
    /** The dialog open now (payment, cancel, move), for tests. */
    Dialog dialog;

    OfferingDeskView(EnrollmentDesk enrollments, OfferingRulesDesk offeringRules, CitizenEnrollments entries,
                     CatalogService catalog, Clock clock) {
        this.enrollments = enrollments;
        this.entries = entries;
        this.clock = clock;
        addClassName("baeum-offering-desk");
        seats.addClassName("baeum-desk-seats");
        Section seatSection = new Section(new H2(getTranslation("enrolDesk.seats")), seats);
        seatSection.setWidthFull();

        enrolled.addColumn(Enrollment::participantName).setHeader(getTranslation("enrolDesk.col.name")).setAutoWidth(true);
        enrolled.addColumn(e -> fee(e.fee())).setHeader(getTranslation("enrolDesk.col.fee")).setAutoWidth(true)
                .setTextAlign(ColumnTextAlign.END);
        enrolled.addColumn(e -> reduction(e.fee())).setHeader(getTranslation("enrolDesk.col.reduction")).setAutoWidth(true);
        enrolled.addColumn(e -> getTranslation("enrollment.payment." + e.payment().name()))
                .setHeader(getTranslation("enrolDesk.col.payment")).setAutoWidth(true);
        enrolled.addColumn(e -> getTranslation(e.assisted() ? "enrolDesk.assisted" : "enrolDesk.self"))
                .setHeader(getTranslation("enrolDesk.col.assisted")).setAutoWidth(true);
        enrolled.addColumn(e -> e.enrolledAt() == null ? "" : Formats.dateTime(e.enrolledAt(), getLocale()))
                .setHeader(getTranslation("enrolDesk.col.enrolledAt")).setAutoWidth(true);
        enrolled.addComponentColumn(this::enrolledActions).setHeader(getTranslation("enrolDesk.col.actions")).setAutoWidth(true);
        enrolled.setEmptyStateText(getTranslation("enrolDesk.noneEnrolled"));

        offers.addColumn(Enrollment::participantName).setHeader(getTranslation("enrolDesk.col.name")).setAutoWidth(true);
        offers.addColumn(e -> e.offerExpiresAt() == null ? "" : Formats.dateTime(e.offerExpiresAt(), getLocale()))
                .setHeader(getTranslation("enrolDesk.col.deadline")).setAutoWidth(true);
        offers.addColumn(e -> fee(e.fee())).setHeader(getTranslation("enrolDesk.col.fee")).setAutoWidth(true)
                .setTextAlign(ColumnTextAlign.END);
        offers.addComponentColumn(e -> actions(e, button("enrolDesk.withdraw", e, () -> cancel(e))))
                .setHeader(getTranslation("enrolDesk.col.actions")).setAutoWidth(true);
        offers.setEmptyStateText(getTranslation("enrolDesk.noneOffers"));

        waitlist.addColumn(Enrollment::waitlistPosition).setHeader(getTranslation("enrolDesk.col.position"))
                .setAutoWidth(true).setFlexGrow(0).setTextAlign(ColumnTextAlign.END);
        waitlist.addColumn(Enrollment::participantName).setHeader(getTranslation("enrolDesk.col.name")).setAutoWidth(true);
        waitlist.addColumn(e -> Formats.dateTime(e.createdAt(), getLocale()))
                .setHeader(getTranslation("enrolDesk.col.joinedAt")).setAutoWidth(true);
        waitlist.addColumn(e -> fee(e.fee())).setHeader(getTranslation("enrolDesk.col.fee")).setAutoWidth(true)
                .setTextAlign(ColumnTextAlign.END);
        waitlist.addComponentColumn(e -> actions(e, button("enrolDesk.move", e, () -> move(e)),
                button("enrolDesk.remove", e, () -> cancel(e)))).setHeader(getTranslation("enrolDesk.col.actions")).setAutoWidth(true);
        waitlist.setEmptyStateText(getTranslation("enrolDesk.noneWaiting"));

        settings = new DeskSettings(offeringRules, catalog);
        settings.addChangedListener(e -> reload());

        add(new Anchor("staff/enrollments", getTranslation("enrolDesk.back")), title, facts, seatSection,
                enrolledHeading, enrolled, offersHeading, offers, waitlistHeading, waitlist, settings);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        offeringId = new OfferingId(event.getRouteParameters().get("offeringId").orElse(""));
        try {
            reload();
        } catch (EnrollmentRefusedException unknown) {
            event.rerouteToError(NotFoundException.class);
        }
    }

    /** Reads the desk again and shows it. */
    void reload() {
        desk = enrollments.desk(offeringId);
        Offering o = desk.offering();
        title.setText(o.title(getLocale()));
        facts.setText(o.schedule().describe(getLocale()) + " · "
                + getTranslation("offeringStatus." + o.status(clock.instant()).name()) + " · "
                + getTranslation("enrolDesk.window", Formats.dateTime(o.recruitment().opensAt(), getLocale()),
                Formats.dateTime(o.recruitment().closesAt(), getLocale())));
        seats.removeAll();
        seat("enrolDesk.capacity", desk.capacity());
        seat("enrolDesk.taken", desk.taken());
        seat("enrolDesk.free", desk.left());
        seat("enrolDesk.held", desk.offers().size());
        seat("enrolDesk.waiting", desk.waitlist().size());
        show(enrolled, enrolledHeading, "enrolDesk.enrolled", desk.enrolled());
        show(offers, offersHeading, "enrolDesk.offers", desk.offers());
        show(waitlist, waitlistHeading, "enrolDesk.waitlist", desk.waitlist());
        settings.show(offeringId, desk);
    }

    private void seat(String key, int value) {
        seats.add(new DescriptionList.Term(getTranslation(key)), new DescriptionList.Description(Integer.toString(value)));
    }

    private void show(Grid<Enrollment> grid, H2 heading, String key, List<Enrollment> items) {
        heading.setText(getTranslation(key, items.size()));
        grid.setAriaLabel(heading.getText());
        grid.setItems(items);
        grid.setAllRowsVisible(items.size() <= 12);
        if (items.size() > 12) {
            grid.setHeight("28rem");
        }
    }

    private String fee(Fee fee) {
        return fee.amount() == 0 && fee.base() == 0 ? getTranslation("catalog.free") : Formats.won(fee.amount(), getLocale());
    }

    private String reduction(Fee fee) {
        return fee.reductionCode() == null ? getTranslation("enrolDesk.reductionNone")
                : getTranslation("enrolDesk.reduction", fee.reductionName(getLocale()), fee.reductionPercent());
    }

    // ---- row actions -------------------------------------------------------------------------------------

    private Component enrolledActions(Enrollment e) {
        List<Component> buttons = new ArrayList<>();
        if (e.payment() == PaymentState.UNPAID) {
            buttons.add(button("enrolDesk.pay", e, () -> pay(e, PaymentState.PAID)));
            buttons.add(button("enrolDesk.waive", e, () -> pay(e, PaymentState.WAIVED)));
        }
        buttons.add(button("enrolDesk.cancel", e, () -> cancel(e)));
        return actions(e, buttons.toArray(Component[]::new));
    }

    private Button button(String key, Enrollment e, Runnable action) {
        Button b = new Button(getTranslation(key), click -> action.run());
        b.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        b.setAriaLabel(getTranslation("enrolDesk.actionFor", getTranslation(key), e.participantName()));
        return b;
    }

    /** The row's buttons, then a link to the citizen's full record (which logs the access) if the household exists. */
    private HorizontalLayout actions(Enrollment e, Component... buttons) {
        HorizontalLayout row = new HorizontalLayout(buttons);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.setSpacing(false);
        if (e.participantName() != null && !e.participantName().isBlank() && !"deleted".equals(e.household().value())) {
            Anchor citizen = new Anchor("staff/citizens/" + e.household().value(), getTranslation("enrolDesk.citizen"));
            citizen.getElement().setAttribute("aria-label",
                    getTranslation("enrolDesk.actionFor", getTranslation("enrolDesk.citizen"), e.participantName()));
            citizen.getStyle().set("margin-inline-start", "var(--lumo-space-s)");
            row.add(citizen);
        }
        return row;
    }

    /** Records a payment at the desk (PAID) or waives the fee (WAIVED), after a confirmation with an optional note. */
    void pay(Enrollment e, PaymentState state) {
        boolean paid = state == PaymentState.PAID;
        Dialog d = newDialog(getTranslation(paid ? "enrolDesk.payTitle" : "enrolDesk.waiveTitle", e.participantName()));
        TextField note = new TextField(getTranslation("enrolDesk.note"));
        note.setMaxLength(200);
        note.setWidthFull();
        long[] seen = {e.fee().amount()};
        TextField amount = new TextField(getTranslation(paid ? "enrolDesk.payAmountLabel" : "enrolDesk.waiveAmountLabel"));
        amount.setReadOnly(true);
        amount.setValue(Formats.won(seen[0], getLocale()));
        d.add(new Paragraph(e.offeringTitle(getLocale())), amount, note);
        Button confirm = new Button(getTranslation(paid ? "enrolDesk.pay" : "enrolDesk.waive"), click -> {
            try {
                Enrollment done = enrollments.recordPayment(e.id(), state, note.getValue(), seen[0]);
                d.close();
                Notices.success(paid ? getTranslation("enrolDesk.paid", e.participantName(),
                        Formats.won(done.fee().amount(), getLocale())) : getTranslation("enrolDesk.waived", e.participantName()));
            } catch (EnrollmentRefusedException refused) {
                reload();
                Enrollment now = desk.enrolled().stream().filter(x -> x.id().equals(e.id())
                        && x.payment() == PaymentState.UNPAID && x.fee().amount() != seen[0]).findFirst().orElse(null);
                if (now != null) {
                    // the fee changed since the page was loaded (a closure lowered it): show it, record nothing
                    seen[0] = now.fee().amount();
                    amount.setValue(Formats.won(seen[0], getLocale()));
                    amount.setErrorMessage(getTranslation("enrolDesk.amountChanged", Formats.won(seen[0], getLocale())));
                    amount.setInvalid(true);
                    return;
                }
                d.close();
                Notices.error(EnrollTexts.refusal(this, refused));
            }
            reload();
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        d.getFooter().add(new Button(getTranslation("common.close"), click -> d.close()), confirm);
        d.open();
    }

    /** Cancels an enrolment, withdraws an offer or takes someone off the waitlist, with a required reason. */
    void cancel(Enrollment e) {
        CancelDialog d = new CancelDialog(entries, e, e.participantName(), this::reload);
        attach(d);
        d.open();
    }

    /** Moves a waiting entry to another place in line, with a required reason. */
    void move(Enrollment e) {
        MoveDialog d = new MoveDialog(enrollments, e, desk.waitlist().size(), this::reload);
        attach(d);
        d.open();
    }

    private Dialog newDialog(String header) {
        Dialog d = new Dialog(header);
        d.setWidth("min(95vw, 32rem)");
        attach(d);
        return d;
    }

    private void attach(Dialog d) {
        dialog = d;
        d.addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                remove(d);
            }
        });
        add(d);
    }

    @Override
    public String getPageTitle() {
        return (desk == null ? "" : desk.offering().title(getLocale()) + " | ") + getTranslation("enrolDesk.pageTitle")
                + " | " + getTranslation("app.name");
    }
}
