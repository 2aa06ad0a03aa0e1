package org.baeum.attendance.degree.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.baeum.account.AccountAdministration;
import org.baeum.account.CitizenSummary;
import org.baeum.attendance.degree.DegreeAward;
import org.baeum.attendance.degree.DegreeProgress;
import org.baeum.attendance.degree.DegreeRuleSet;
import org.baeum.attendance.degree.DegreeRules;
import org.baeum.attendance.degree.Degrees;
import org.baeum.base.domain.FieldProblem;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.base.security.Role;

/**
 * The desk's honorary degrees: find a citizen (the account feature's search, masked), open their household's progress
 * (logged), approve an output with a short description and award the next level; refusals show in words at the card.
 */
@Route("staff/degrees")
@RolesAllowed({Role.STAFF_NAME, Role.ADMIN_NAME})
@Menu(order = 66, title = "nav.staffDegrees", icon = "vaadin:academy-cap")
class StaffDegreesView extends VerticalLayout implements HasDynamicTitle, DegreeCard.Actions {

    private final transient Degrees degrees;
    private final transient DegreeRules rules;
    final TextField query = new TextField();
    final Button search = new Button();
    final Grid<CitizenSummary> grid = new Grid<>();
    final Div household = new Div();
    private transient CitizenSummary opened;

    StaffDegreesView(AccountAdministration administration, Degrees degrees, DegreeRules rules) {
        this.degrees = degrees;
        this.rules = rules;
        addClassName("baeum-staff-degrees");
        query.setLabel(getTranslation("citizens.query"));
        query.setHelperText(getTranslation("citizens.query.helper"));
        query.setWidth("min(100%, 24rem)");
        search.setText(getTranslation("citizens.search"));
        search.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        search.addClickShortcut(Key.ENTER);
        search.addClickListener(e -> grid.setItems(administration.findCitizens(query.getValue())));
        HorizontalLayout bar = new HorizontalLayout(query, search);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        grid.setAriaLabel(getTranslation("staffDegrees.title"));
        grid.addColumn(CitizenSummary::maskedName).setHeader(getTranslation("citizens.name")).setAutoWidth(true);
        grid.addColumn(CitizenSummary::maskedEmail).setHeader(getTranslation("citizens.email")).setAutoWidth(true);
        grid.addColumn(c -> c.birthYear() == 0 ? "" : Integer.toString(c.birthYear()))
                .setHeader(getTranslation("citizens.birthYear")).setAutoWidth(true);
        grid.setEmptyStateText(getTranslation("citizens.none"));
        grid.setAllRowsVisible(true);
        grid.addSelectionListener(e -> e.getFirstSelectedItem().ifPresent(this::open));
        household.addClassName("baeum-staff-degrees-household");
        household.setWidthFull();
        add(new H1(getTranslation("staffDegrees.title")), new Paragraph(getTranslation("staffDegrees.intro")), bar,
                grid, household);
    }

    /** Opens a citizen's household: each participant's progress, with the actions for the next level. */
    void open(CitizenSummary citizen) {
        opened = citizen;
        household.removeAll();
        DegreeRuleSet rule = rules.current();
        household.add(new H2(getTranslation("staffDegrees.household", citizen.maskedName())));
        for (DegreeProgress p : degrees.progressOf(citizen.id())) {
            household.add(new DegreeCard(p, rule, this));
        }
    }

    @Override
    public void approve(DegreeProgress p, TextField description, com.vaadin.flow.component.html.Paragraph message) {
        description.setInvalid(false);
        try {
            degrees.approveOutput(p.participant(), p.nextLevel(), description.getValue());
            success(getTranslation("staffDegrees.approved", p.name(), getTranslation(p.nextLevel().messageKey())));
            open(opened);
        } catch (InvalidInputException invalid) {
            FieldProblem problem = invalid.problems().getFirst();
            String text = getTranslation(problem.messageKey(), problem.arguments().toArray());
            if ("description".equals(problem.field())) {
                description.setErrorMessage(text);
                description.setInvalid(true);
            } else {
                message.setText(text);
            }
        }
    }

    @Override
    public void award(DegreeProgress p, com.vaadin.flow.component.html.Paragraph message) {
        try {
            DegreeAward award = degrees.award(p.participant(), p.nextLevel());
            success(getTranslation("staffDegrees.awarded", p.name(), getTranslation(award.level().messageKey())));
            open(opened);
        } catch (InvalidInputException invalid) {
            FieldProblem problem = invalid.problems().getFirst();
            message.setText(getTranslation(problem.messageKey(), problem.arguments().toArray()));
        }
    }

    private static void success(String text) {
        Notification.show(text, 5000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("staffDegrees.title") + " | " + getTranslation("app.name");
    }
}
