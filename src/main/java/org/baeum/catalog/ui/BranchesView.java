package org.baeum.catalog.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.List;
import java.util.Locale;
import org.baeum.catalog.Branch;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.Room;
import org.baeum.facility.Facility;
import org.baeum.facility.FacilityService;

/** The centre's buildings: where they are, their rooms, the pool and the gym. Public. */
@Route("branches")
@AnonymousAllowed
@Menu(order = 10, title = "nav.branches", icon = "vaadin:building")
class BranchesView extends VerticalLayout implements HasDynamicTitle {

    BranchesView(CatalogService catalog, FacilityService facilities) {
        addClassName("baeum-branches");
        Locale locale = getLocale();
        add(new H1(getTranslation("branches.title")));
        List<Facility> allFacilities = facilities.facilities();
        List<Branch> branches = catalog.branches();
        if (branches.isEmpty()) {
            add(new Paragraph(getTranslation("branches.empty")));
        }
        for (Branch branch : branches) {
            add(branchSection(branch, allFacilities.stream()
                    .filter(f -> f.branchId().equals(branch.id().value())).toList(), locale));
        }
    }

    private Component branchSection(Branch branch, List<Facility> facilities, Locale locale) {
        Section section = new Section();
        section.addClassName("baeum-branch");
        section.add(new H2(branch.name(locale)),
                new Paragraph(getTranslation("branches.address", branch.address(), branch.directions(locale))));
        UnorderedList rooms = new UnorderedList();
        for (Room room : branch.rooms()) {
            String seats = room.seats() > 0 ? getTranslation("branches.seats", room.seats()) : "";
            String access = room.stepFree() ? getTranslation("branches.stepFree") : "";
            rooms.add(new ListItem(String.join(" · ", java.util.stream.Stream.of(room.name(locale),
                    getTranslation("room.kind." + room.kind().name()), room.floor(), seats, access)
                    .filter(s -> s != null && !s.isBlank()).toList())));
        }
        section.add(new H3(getTranslation("branches.rooms")), rooms);
        if (!facilities.isEmpty()) {
            Div sports = new Div();
            for (Facility f : facilities) {
                sports.add(new Paragraph(f.name(locale) + " — " + f.description(locale)));
            }
            section.add(new H3(getTranslation("branches.sports")), sports);
        }
        return section;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("branches.title") + " | " + getTranslation("app.name");
    }
}
