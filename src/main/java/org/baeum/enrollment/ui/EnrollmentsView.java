package org.baeum.enrollment.ui;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.baeum.base.security.Role;
import org.baeum.catalog.CatalogQuery;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.Offering;
import org.baeum.catalog.Term;

/** Staff find an offering of a term by title or instructor and open its enrolment desk. */
@Route("staff/enrollments")
@RolesAllowed({Role.STAFF_NAME, Role.ADMIN_NAME})
@Menu(order = 62, title = "nav.enrollmentDesk", icon = "vaadin:clipboard-user")
class EnrollmentsView extends VerticalLayout implements HasDynamicTitle {

    private final transient CatalogService catalog;
    private final transient Clock clock;
    final Select<Term> term = new Select<>();
    final TextField query = new TextField();
    final Grid<Offering> grid = new Grid<>();

    final RefundsOwedPanel refunds;

    EnrollmentsView(CatalogService catalog, org.baeum.enrollment.EnrollmentDesk desk,
                    org.baeum.enrollment.ClosureRefunds closureRefunds, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
        addClassName("baeum-enrollments");

        term.setLabel(getTranslation("enrolDesk.term"));
        term.setItemLabelGenerator(t -> t.name(getLocale()));
        term.setWidth("min(100%, 20rem)");
        List<Term> terms = catalog.terms();
        term.setItems(terms);
        if (!terms.isEmpty()) {
            term.setValue(terms.getFirst());
        }
        term.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        query.setLabel(getTranslation("enrolDesk.search"));
        query.setHelperText(getTranslation("enrolDesk.searchHelper"));
        query.setMaxLength(100);
        query.setClearButtonVisible(true);
        query.setValueChangeMode(ValueChangeMode.LAZY);
        query.setWidth("min(100%, 24rem)");
        query.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        HorizontalLayout filters = new HorizontalLayout(term, query);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);

        grid.setAriaLabel(getTranslation("enrolDesk.offerings"));
        grid.addComponentColumn(o -> {
            Anchor open = new Anchor("staff/enrollments/" + o.id().value(), o.title(getLocale()));
            open.getElement().setAttribute("aria-label", getTranslation("enrolDesk.open", o.title(getLocale())));
            return open;
        }).setHeader(getTranslation("enrolHousehold.col.offering")).setFlexGrow(2);
        grid.addColumn(o -> o.schedule().describe(getLocale())).setHeader(getTranslation("offering.schedule")).setAutoWidth(true);
        grid.addColumn(o -> getTranslation("offeringStatus." + o.status(clock.instant()).name()))
                .setHeader(getTranslation("offering.status")).setAutoWidth(true);
        grid.addColumn(Offering::capacity).setHeader(getTranslation("enrolDesk.capacity")).setAutoWidth(true)
                .setTextAlign(ColumnTextAlign.END);
        grid.addColumn(Offering::seatsLeft).setHeader(getTranslation("enrolDesk.free")).setAutoWidth(true)
                .setTextAlign(ColumnTextAlign.END);
        grid.addColumn(Offering::waitlistLength).setHeader(getTranslation("enrolDesk.waiting")).setAutoWidth(true)
                .setTextAlign(ColumnTextAlign.END);
        grid.setItems(q -> {
            if (term.getValue() == null) {
                return Stream.empty();
            }
            int size = Math.min(CatalogQuery.MAX_SIZE, q.getLimit());
            CatalogQuery search = new CatalogQuery(query.getValue(), null, null, null, null, null, term.getValue().id(),
                    null, null, null, false, null, q.getOffset() / size, size);
            return catalog.searchForStaff(search).items().stream();
        });
        grid.setPageSize(CatalogQuery.MAX_SIZE);
        grid.setEmptyStateText(getTranslation("enrolDesk.none"));
        grid.setHeight("32rem");

        refunds = new RefundsOwedPanel(desk, closureRefunds, clock);
        add(new H1(getTranslation("enrolDesk.title")), new Paragraph(getTranslation("enrolDesk.intro")), filters, grid,
                refunds);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("enrolDesk.title") + " | " + getTranslation("app.name");
    }
}
