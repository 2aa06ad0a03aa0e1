package org.baeum.survey.results.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.baeum.base.i18n.Formats;
import org.baeum.base.security.Role;
import org.baeum.survey.results.ClassResult;
import org.baeum.survey.results.InstructorResults;
import org.baeum.survey.results.Results;
import org.baeum.survey.results.SurveyResults;

/**
 * An instructor's survey results (decision 0052): their own classes only; a class appears with its results once its
 * survey has closed, and says so before; a class under five answers shows no figure and says why. Their classes
 * pooled come first, over the classes that are shown only.
 */
@Route("instructor/survey-results")
@RolesAllowed(Role.INSTRUCTOR_NAME)
@Menu(order = 51, title = "surveyResults.nav.instructor", icon = "vaadin:smiley-o")
class InstructorSurveyResultsView extends VerticalLayout implements HasDynamicTitle {

    final Div classes = new Div();

    InstructorSurveyResultsView(SurveyResults surveyResults) {
        addClassName("baeum-instructor-survey-results");
        add(new H1(getTranslation("surveyResults.instructor.title")));
        add(new Paragraph(getTranslation("surveyResults.instructor.intro", Results.MIN_ANSWERS)));
        InstructorResults mine = surveyResults.mine(getLocale());
        if (mine.classes().isEmpty()) {
            add(new Paragraph(getTranslation("surveyResults.instructor.none")));
            return;
        }
        add(new ResultsPanel(mine.allClasses(), mine.allClasses().label(), 2));
        for (ClassResult c : mine.classes()) {
            Section section = new Section(new H2(getTranslation("surveyResults.instructor.class", c.surveyTitle(),
                    c.title())));
            section.addClassName("baeum-survey-class");
            if (c.waitingForTheClose()) {
                section.add(new Paragraph(getTranslation("surveyResults.instructor.waiting",
                        Formats.dateTime(c.closesAt(), getLocale()))));
            } else {
                section.add(new ResultsPanel(c.result(), c.title(), 3));
            }
            classes.add(section);
        }
        add(classes);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("surveyResults.instructor.title");
    }
}
