package org.baeum.survey.results.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.baeum.base.security.Role;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.Instructor;
import org.baeum.survey.results.GroupResult;
import org.baeum.survey.results.ResultGrouping;
import org.baeum.survey.results.ResultsFilter;
import org.baeum.survey.results.StaffResults;
import org.baeum.survey.results.SurveyResults;

/**
 * Survey results for STAFF and ADMIN (decision 0052): filters by survey, term, branch, program, class and instructor
 * (empty = all), a grouping (class, program, instructor, branch, term), then everything selected pooled and each
 * group, as {@link ResultsPanel}s; it opens on the latest survey to close. STAFF see every figure; free texts of a
 * group under five answers are left out.
 */
@Route("staff/survey-results")
@RolesAllowed({Role.STAFF_NAME, Role.ADMIN_NAME})
@Menu(order = 68.5, title = "surveyResults.nav.staff", icon = "vaadin:smiley-o")
class StaffSurveyResultsView extends VerticalLayout implements HasDynamicTitle {

    final ComboBox<String> survey = new ComboBox<>();
    final ComboBox<String> term = new ComboBox<>();
    final ComboBox<String> branch = new ComboBox<>();
    final ComboBox<String> program = new ComboBox<>();
    final ComboBox<String> offering = new ComboBox<>();
    final ComboBox<String> instructor = new ComboBox<>();
    final Select<ResultGrouping> grouping = new Select<>();
    final Button show = new Button();
    final Div results = new Div();

    private final SurveyResults surveyResults;

    StaffSurveyResultsView(SurveyResults surveyResults, CatalogService catalog) {
        this.surveyResults = surveyResults;
        addClassName("baeum-staff-survey-results");
        add(new H1(getTranslation("surveyResults.staff.title")));
        add(new Paragraph(getTranslation("surveyResults.staff.intro")));

        Map<String, String> surveys = surveyResults.surveys(getLocale());
        choices(survey, "survey", surveys);
        survey.addClassName("baeum-survey-filter");
        Map<String, String> terms = new LinkedHashMap<>();
        catalog.terms().forEach(t -> terms.put(t.id().value(), t.name(getLocale())));
        choices(term, "term", terms);
        Map<String, String> branches = new LinkedHashMap<>();
        catalog.branches().forEach(b -> branches.put(b.id().value(), b.name(getLocale())));
        choices(branch, "branch", branches);
        Map<String, String> programs = new TreeMap<>();
        Map<String, String> instructors = new TreeMap<>();
        catalog.programs().forEach(p -> {
            programs.put(p.id().value(), p.title(getLocale()));
            for (Instructor i : p.instructors()) {
                instructors.putIfAbsent(i.accountId(), i.name());
            }
        });
        choices(program, "program", programs);
        choices(offering, "offering", Map.of());
        offering.setEnabled(false);
        offering.setHelperText(getTranslation("surveyResults.staff.offeringHelp"));
        choices(instructor, "instructor", instructors);
        survey.addValueChangeListener(e -> {
            Map<String, String> classes = e.getValue() == null ? Map.of()
                    : surveyResults.classesOf(e.getValue(), getLocale());
            offering.clear();
            choices(offering, "offering", classes);
            offering.setEnabled(!classes.isEmpty());
        });
        grouping.setLabel(getTranslation("surveyResults.staff.grouping"));
        grouping.setItems(Arrays.asList(ResultGrouping.values()));
        grouping.setItemLabelGenerator(g -> getTranslation("surveyResults.grouping." + g.name()));
        grouping.setValue(ResultGrouping.OFFERING);
        show.setText(getTranslation("surveyResults.staff.show"));
        show.addClickListener(e -> refresh());

        FlexLayout filters = new FlexLayout(survey, term, branch, program, offering, instructor, grouping);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.getStyle().set("gap", "var(--lumo-space-m)");
        add(filters, show, results);
        results.setWidthFull();
        surveys.keySet().stream().findFirst().ifPresent(survey::setValue); // the latest to close, not every survey at once
        refresh();
    }

    private void choices(ComboBox<String> box, String key, Map<String, String> labels) {
        box.setLabel(getTranslation("surveyResults.staff.filter." + key));
        box.setPlaceholder(getTranslation("surveyResults.staff.all"));
        box.setClearButtonVisible(true);
        box.setItems(labels.keySet());
        box.setItemLabelGenerator(id -> labels.getOrDefault(id, id));
    }

    void refresh() {
        results.removeAll();
        StaffResults found = surveyResults.staff(new ResultsFilter(survey.getValue(), term.getValue(), branch.getValue(),
                program.getValue(), offering.getValue(), instructor.getValue()), grouping.getValue(), getLocale());
        if (found.groups().isEmpty()) {
            results.add(new Paragraph(getTranslation("surveyResults.staff.none")));
            return;
        }
        results.add(new ResultsPanel(found.total(), getTranslation("surveyResults.all"), 2));
        for (GroupResult g : found.groups()) {
            results.add(new ResultsPanel(g, getTranslation("surveyResults.ui.group",
                    getTranslation("surveyResults.grouping." + grouping.getValue().name()), g.label()), 2));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("surveyResults.staff.title");
    }
}
