package org.baeum.recruitment.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.baeum.account.FeeReductionCategories;
import org.baeum.base.i18n.Formats;
import org.baeum.base.security.Role;
import org.baeum.catalog.CatalogService;
import org.baeum.recruitment.Round;
import org.baeum.recruitment.RoundPhase;
import org.baeum.recruitment.RoundService;

/**
 * STAFF and ADMIN list the recruitment rounds (title, id, status, lottery window, submitted applications), open one,
 * and create a new one with {@link RoundForm} (issue 15, part 5).
 */
@Route("staff/rounds")
@RolesAllowed({Role.STAFF_NAME, Role.ADMIN_NAME})
@Menu(order = 64, title = "nav.staffRounds", icon = "vaadin:random")
class StaffRoundsView extends VerticalLayout implements HasDynamicTitle {

    private final transient RoundService rounds;
    final Grid<Line> grid = new Grid<>();
    final RoundForm form;

    StaffRoundsView(RoundService rounds, CatalogService catalog, FeeReductionCategories eligibility) {
        this.rounds = rounds;
        addClassName("baeum-rounds");
        grid.setAriaLabel(getTranslation("staffRounds.title"));
        grid.addComponentColumn(l -> new RouterLink(l.title(), RoundDetailView.class,
                        new RouteParameters(RoundDetailView.ID, l.id())))
                .setHeader(getTranslation("staffRounds.column.title")).setFlexGrow(1);
        grid.addColumn(Line::id).setHeader(getTranslation("staffRounds.column.id")).setAutoWidth(true);
        grid.addColumn(Line::status).setHeader(getTranslation("staffRounds.column.status")).setAutoWidth(true);
        grid.addColumn(Line::lottery).setHeader(getTranslation("staffRounds.column.lottery")).setAutoWidth(true);
        grid.addColumn(Line::applications).setHeader(getTranslation("staffRounds.column.applications")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.setEmptyStateText(getTranslation("staffRounds.none"));
        grid.setAllRowsVisible(true);
        form = new RoundForm(rounds, catalog, eligibility, this::created);
        add(new H1(getTranslation("staffRounds.title")), new Paragraph(getTranslation("staffRounds.intro")), grid, form);
        refresh();
    }

    private void refresh() {
        grid.setItems(lines());
    }

    List<Line> lines() {
        return rounds.rounds().stream().map(r -> new Line(r.id().value(), r.title(getLocale()),
                getTranslation("round.status." + r.status().name()), window(r.lottery()),
                rounds.applications(r.id()).applications())).toList();
    }

    private String window(RoundPhase phase) {
        return Formats.dateTime(phase.opensAt(), getLocale()) + " ~ " + Formats.dateTime(phase.closesAt(), getLocale());
    }

    private void created(Round round) {
        refresh();
        Notification.show(getTranslation("staffRounds.created", round.id().value(), round.title(getLocale())), 6000,
                Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("staffRounds.title") + " | " + getTranslation("app.name");
    }

    /** One round in the list. */
    record Line(String id, String title, String status, String lottery, int applications) {
    }
}
