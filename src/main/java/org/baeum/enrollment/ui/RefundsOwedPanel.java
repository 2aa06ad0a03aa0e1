package org.baeum.enrollment.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.Clock;
import java.time.LocalDate;
import org.baeum.base.i18n.Formats;
import org.baeum.enrollment.Enrollment;
import org.baeum.enrollment.EnrollmentDesk;
import org.baeum.enrollment.EnrollmentRefusedException;

/**
 * Refunds owed (환불 예정): what endings of paid enrolments recorded under the statutory rule, the earliest due first,
 * until staff record each as paid out. A refund past its due date is marked as such, in words, not only by colour.
 */
class RefundsOwedPanel extends VerticalLayout {

    private final transient EnrollmentDesk desk;
    private final transient Clock clock;
    final Grid<Enrollment> grid = new Grid<>();

    RefundsOwedPanel(EnrollmentDesk desk, Clock clock) {
        this.desk = desk;
        this.clock = clock;
        addClassName("baeum-refunds-owed");
        setPadding(false);
        H2 title = new H2(getTranslation("refundsOwed.title"));
        grid.setAriaLabel(getTranslation("refundsOwed.title"));
        grid.addColumn(e -> e.offeringTitle(getLocale())).setHeader(getTranslation("enrolHousehold.col.offering"))
                .setFlexGrow(2);
        grid.addColumn(Enrollment::participantName).setHeader(getTranslation("refundsOwed.who")).setAutoWidth(true);
        grid.addColumn(e -> Formats.won(e.refund().refund().amount(), getLocale()))
                .setHeader(getTranslation("refundsOwed.amount")).setAutoWidth(true).setTextAlign(ColumnTextAlign.END);
        grid.addColumn(e -> EnrollTexts.refundStep(this, e.refund().refund())).setHeader(getTranslation("refundsOwed.rule"))
                .setFlexGrow(3);
        grid.addComponentColumn(this::due).setHeader(getTranslation("refundsOwed.dueBy")).setAutoWidth(true);
        grid.addComponentColumn(e -> {
            Button paid = new Button(getTranslation("refundsOwed.paid"), click -> paidOut(e));
            paid.addThemeVariants(ButtonVariant.LUMO_SMALL);
            paid.getElement().setAttribute("aria-label", getTranslation("refundsOwed.paidFor",
                    e.participantName(), e.offeringTitle(getLocale())));
            return paid;
        }).setHeader(getTranslation("refundsOwed.action")).setAutoWidth(true);
        grid.setEmptyStateText(getTranslation("refundsOwed.none"));
        grid.setAllRowsVisible(true);
        add(title, new Paragraph(getTranslation("refundsOwed.intro")), grid);
        reload();
    }

    private Span due(Enrollment e) {
        LocalDate dueBy = e.refund().refund().dueBy();
        boolean late = dueBy.isBefore(LocalDate.now(clock.withZone(Formats.SEOUL)));
        Span text = new Span(late ? getTranslation("refundsOwed.late", Formats.date(dueBy, getLocale()))
                : Formats.date(dueBy, getLocale()));
        if (late) {
            text.getElement().getThemeList().add("badge error");
        }
        return text;
    }

    private void paidOut(Enrollment e) {
        try {
            desk.recordRefundPaidOut(e.id(), null);
            Notification.show(getTranslation("refundsOwed.recorded", Formats.won(e.refund().refund().amount(), getLocale())));
        } catch (EnrollmentRefusedException changed) {
            Notification.show(EnrollTexts.refusal(this, changed));
        }
        reload();
    }

    void reload() {
        grid.setItems(desk.refundsOwed());
    }
}
