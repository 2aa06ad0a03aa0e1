package org.baeum.account.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import org.baeum.account.AccountAdministration;
import org.baeum.account.CitizenSummary;
import org.baeum.base.security.Role;

/**
 * The desk's citizen search: a whole email address, the last digits of a mobile number or the start of a name.
 * The list shows masked data only; opening a row shows the full record and writes an access-log entry.
 */
@Route("staff/citizens")
@RolesAllowed({Role.STAFF_NAME, Role.ADMIN_NAME})
@Menu(order = 60, title = "nav.citizens", icon = "vaadin:search")
class CitizensView extends VerticalLayout implements HasDynamicTitle {

    final TextField query = new TextField();
    final Button search = new Button();
    final Grid<CitizenSummary> grid = new Grid<>();

    CitizensView(AccountAdministration administration) {
        addClassName("baeum-citizens");
        setSizeFull();
        add(new H1(getTranslation("citizens.title")), new Paragraph(getTranslation("citizens.intro")));
        query.setLabel(getTranslation("citizens.query"));
        query.setHelperText(getTranslation("citizens.query.helper"));
        query.setWidth("min(100%, 24rem)");
        search.setText(getTranslation("citizens.search"));
        search.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        search.addClickShortcut(Key.ENTER);
        search.addClickListener(e -> grid.setItems(administration.findCitizens(query.getValue())));
        HorizontalLayout bar = new HorizontalLayout(query, search);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        grid.setAriaLabel(getTranslation("citizens.title"));
        grid.addColumn(CitizenSummary::maskedName).setHeader(getTranslation("citizens.name")).setAutoWidth(true);
        grid.addColumn(CitizenSummary::maskedEmail).setHeader(getTranslation("citizens.email")).setAutoWidth(true);
        grid.addColumn(CitizenSummary::maskedMobile).setHeader(getTranslation("citizens.mobile")).setAutoWidth(true);
        grid.addColumn(c -> c.birthYear() == 0 ? "" : Integer.toString(c.birthYear()))
                .setHeader(getTranslation("citizens.birthYear")).setAutoWidth(true);
        grid.addColumn(c -> c.district() == null ? "" : getTranslation(c.district().messageKey()))
                .setHeader(getTranslation("signup.district")).setAutoWidth(true);
        grid.addColumn(c -> getTranslation(c.emailVerified() ? "citizens.verified" : "citizens.unverified"))
                .setHeader(getTranslation("citizens.state")).setAutoWidth(true);
        grid.setEmptyStateText(getTranslation("citizens.none"));
        grid.addSelectionListener(e -> e.getFirstSelectedItem().ifPresent(c -> getUI().ifPresent(ui ->
                ui.navigate(CitizenDetailView.class, new RouteParameters("id", c.id().value())))));
        grid.setSizeFull();
        add(bar, grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("citizens.title") + " | " + getTranslation("app.name");
    }
}
