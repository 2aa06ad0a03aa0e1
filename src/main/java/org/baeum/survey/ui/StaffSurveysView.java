package org.baeum.survey.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.Map;
import java.util.stream.Collectors;
import org.baeum.base.i18n.Formats;
import org.baeum.base.security.Role;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.Term;
import org.baeum.catalog.TermId;
import org.baeum.survey.Survey;
import org.baeum.survey.Surveys;

/**
 * 만족도 조사 (STAFF, ADMIN): every survey with what it is attached to, when it goes out and closes, and whether it is
 * waiting, open or closed; a link to define a new one.
 */
@Route("staff/surveys")
@RolesAllowed({Role.STAFF_NAME, Role.ADMIN_NAME})
@Menu(order = 67.4, title = "survey.nav.staff", icon = "vaadin:clipboard-check")
class StaffSurveysView extends VerticalLayout implements HasDynamicTitle {

    final Grid<Survey> grid = new Grid<>();

    StaffSurveysView(Surveys surveys, CatalogService catalog, Clock clock) {
        addClassName("baeum-surveys");
        Map<TermId, Term> terms = catalog.terms().stream().collect(Collectors.toMap(Term::id, t -> t, (a, b) -> a));
        grid.addColumn(s -> s.title(getLocale())).setHeader(getTranslation("survey.list.title")).setFlexGrow(2);
        grid.addColumn(s -> s.term() != null && terms.containsKey(s.term())
                        ? getTranslation("survey.list.wholeTerm", terms.get(s.term()).name(getLocale()))
                        : getTranslation("survey.list.classes", s.offerings().size()))
                .setHeader(getTranslation("survey.list.target"));
        grid.addColumn(s -> getTranslation("survey.timing." + s.timing().name()))
                .setHeader(getTranslation("survey.editor.timing"));
        grid.addColumn(s -> Formats.dateTime(s.opensAt(), getLocale())).setHeader(getTranslation("survey.editor.opensAt"));
        grid.addColumn(s -> Formats.dateTime(s.closesAt(), getLocale()))
                .setHeader(getTranslation("survey.editor.closesAt"));
        grid.addColumn(s -> getTranslation(s.closedAt(clock.instant()) ? "survey.state.closed"
                        : clock.instant().isBefore(s.opensAt()) ? "survey.state.waiting" : "survey.state.open"))
                .setHeader(getTranslation("survey.list.state"));
        grid.setItems(surveys.all());
        grid.setAllRowsVisible(true);
        grid.setAriaLabel(getTranslation("survey.list.caption"));
        add(new H1(getTranslation("survey.list.heading")), new Paragraph(getTranslation("survey.list.intro")),
                new RouterLink(getTranslation("survey.list.new"), NewSurveyView.class), grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("survey.list.heading") + " | " + getTranslation("app.name");
    }
}
