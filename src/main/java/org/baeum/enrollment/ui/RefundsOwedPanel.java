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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.baeum.base.i18n.Formats;
import org.baeum.enrollment.ClosureRefundOwed;
import org.baeum.enrollment.ClosureRefunds;
import org.baeum.enrollment.Enrollment;
import org.baeum.enrollment.EnrollmentDesk;
import org.baeum.enrollment.EnrollmentRefusedException;
import org.baeum.enrollment.Refund;

/**
 * Refunds owed (환불 예정): what endings of paid enrolments recorded under the statutory rule, and what closures owe to
 * paid entries that stay enrolled (with the closure's reason), the earliest due first, until staff record each as
 * paid out. A refund past its due date is marked as such, in words, not only by colour.
 */
class RefundsOwedPanel extends VerticalLayout {

    /** One row: an ending's refund ({@code closureRefundId} null) or a closure's (its id and reason). */
    record Owed(Enrollment entry, Refund refund, String closureRefundId, String reason) {
    }

    private final transient EnrollmentDesk desk;
    private final transient ClosureRefunds closureRefunds;
    private final transient Clock clock;
    final Grid<Owed> grid = new Grid<>();

    RefundsOwedPanel(EnrollmentDesk desk, ClosureRefunds closureRefunds, Clock clock) {
        this.desk = desk;
        this.closureRefunds = closureRefunds;
        this.clock = clock;
        addClassName("baeum-refunds-owed");
        setPadding(false);
        H2 title = new H2(getTranslation("refundsOwed.title"));
        grid.setAriaLabel(getTranslation("refundsOwed.title"));
        grid.addColumn(o -> o.entry().offeringTitle(getLocale())).setHeader(getTranslation("enrolHousehold.col.offering"))
                .setFlexGrow(2);
        grid.addColumn(o -> o.entry().participantName()).setHeader(getTranslation("refundsOwed.who")).setAutoWidth(true);
        grid.addColumn(o -> Formats.won(o.refund().amount(), getLocale()))
                .setHeader(getTranslation("refundsOwed.amount")).setAutoWidth(true).setTextAlign(ColumnTextAlign.END);
        grid.addColumn(this::rule).setHeader(getTranslation("refundsOwed.rule")).setFlexGrow(3);
        grid.addComponentColumn(this::due).setHeader(getTranslation("refundsOwed.dueBy")).setAutoWidth(true);
        grid.addComponentColumn(o -> {
            Button paid = new Button(getTranslation("refundsOwed.paid"), click -> paidOut(o));
            paid.addThemeVariants(ButtonVariant.LUMO_SMALL);
            paid.getElement().setAttribute("aria-label", paidForLabel(o));
            return paid;
        }).setHeader(getTranslation("refundsOwed.action")).setAutoWidth(true);
        grid.setEmptyStateText(getTranslation("refundsOwed.none"));
        grid.setAllRowsVisible(true);
        add(title, new Paragraph(getTranslation("refundsOwed.intro")), grid);
        reload();
    }

    /**
     * The 환불 완료 button's label for a screen reader: who, which class, the amount and why (the closure's reason, or
     * the ending), so two refunds of one entry (an ending and closures) never read the same.
     */
    String paidForLabel(Owed o) {
        String why = o.closureRefundId() == null ? getTranslation("refundsOwed.forEnding")
                : getTranslation("refundsOwed.forClosure", o.reason());
        return getTranslation("refundsOwed.paidFor", o.entry().participantName(), o.entry().offeringTitle(getLocale()),
                Formats.won(o.refund().amount(), getLocale()), why);
    }

    /** The rule's step; for a closure's refund also the closure and its reason. */
    String rule(Owed o) {
        String step = EnrollTexts.refundStep(this, o.refund());
        return o.closureRefundId() == null ? step : getTranslation("closureRefund.rule", step, o.reason());
    }

    private Span due(Owed o) {
        LocalDate dueBy = o.refund().dueBy();
        boolean late = dueBy.isBefore(LocalDate.now(clock.withZone(Formats.SEOUL)));
        Span text = new Span(late ? getTranslation("refundsOwed.late", Formats.date(dueBy, getLocale()))
                : Formats.date(dueBy, getLocale()));
        if (late) {
            text.getElement().getThemeList().add("badge error");
        }
        return text;
    }

    private void paidOut(Owed o) {
        try {
            if (o.closureRefundId() == null) {
                desk.recordRefundPaidOut(o.entry().id(), null);
            } else {
                closureRefunds.recordPaidOut(o.closureRefundId(), null);
            }
            Notification.show(getTranslation("refundsOwed.recorded", Formats.won(o.refund().amount(), getLocale())));
        } catch (EnrollmentRefusedException changed) {
            Notification.show(EnrollTexts.refusal(this, changed));
        }
        reload();
    }

    void reload() {
        List<Owed> rows = new ArrayList<>();
        for (Enrollment e : desk.refundsOwed()) {
            rows.add(new Owed(e, e.refund().refund(), null, null));
        }
        for (ClosureRefundOwed c : closureRefunds.owed()) {
            rows.add(new Owed(c.enrollment(), c.refund(), c.id(), c.reason(getLocale())));
        }
        rows.sort(Comparator.comparing((Owed o) -> o.refund().dueBy()));
        grid.setItems(rows);
    }
}
