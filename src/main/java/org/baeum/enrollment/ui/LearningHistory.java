package org.baeum.enrollment.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import org.baeum.base.i18n.Formats;
import org.baeum.enrollment.Enrollment;

/** The history on My learning: everything of the household that ended (or whose class is over), one row each. */
class LearningHistory extends Grid<Enrollment> {

    LearningHistory() {
        setAriaLabel(getTranslation("learning.history"));
        addColumn(e -> e.offeringTitle(getLocale())).setHeader(getTranslation("learning.column.class"))
                .setFlexGrow(2);
        addColumn(Enrollment::participantName).setHeader(getTranslation("learning.column.participant"))
                .setAutoWidth(true);
        addColumn(e -> EnrollTexts.outcome(this, e)).setHeader(getTranslation("learning.column.status")).setAutoWidth(true);
        addColumn(e -> e.endedAt() == null ? "-" : Formats.date(e.endedAt().atZone(Formats.SEOUL).toLocalDate(),
                getLocale())).setHeader(getTranslation("learning.column.date")).setAutoWidth(true);
        addColumn(e -> EnrollTexts.fee(this, e.fee())).setHeader(getTranslation("learning.column.fee"))
                .setFlexGrow(1);
        addColumn(e -> EnrollTexts.paymentAndRefund(this, e)).setHeader(getTranslation("learning.column.payment")).setAutoWidth(true);
        setAllRowsVisible(true);
        addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT); // long titles wrap instead of being cut
        setWidthFull();
    }
}
