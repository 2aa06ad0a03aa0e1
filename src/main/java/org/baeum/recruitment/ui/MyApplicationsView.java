package org.baeum.recruitment.ui;

import com.vaadin.flow.component.dependency.Uses;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import org.baeum.account.HouseholdService;
import org.baeum.base.security.Role;
import org.baeum.catalog.CatalogService;
import org.baeum.recruitment.Applications;
import org.baeum.recruitment.RoundDrawsService;
import org.baeum.recruitment.RoundService;

/** 내 추첨 신청 (My lottery applications): the household's applications in every round, newest first. */
@Route("my/applications")
@RolesAllowed(Role.CITIZEN_NAME)
@Menu(order = 66, title = "nav.myApplications", icon = "vaadin:ticket")
@Uses(Dialog.class)
class MyApplicationsView extends VerticalLayout implements HasDynamicTitle {

    final ApplicationList list;

    MyApplicationsView(Applications applications, RoundService rounds, RoundDrawsService draws, CatalogService catalog,
                       HouseholdService households, Clock clock) {
        addClassName("baeum-my-applications");
        list = new ApplicationList(applications, rounds, draws, catalog, households, clock, a -> true);
        Section section = new Section(new H2(getTranslation("applications.all")), list);
        section.addClassName("baeum-section");
        section.setWidthFull();
        add(new H1(getTranslation("applications.title")),
                new Paragraph(new Span(getTranslation("applications.intro") + " "),
                        RoundTexts.link("rounds", getTranslation("applications.findRounds"))),
                section);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("applications.title") + " | " + getTranslation("app.name");
    }
}
