package org.baeum.booking.club.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.base.security.CurrentUser;
import org.baeum.base.security.Role;
import org.baeum.base.ui.FieldErrors;
import org.baeum.booking.Bookables;
import org.baeum.booking.club.ClubDraft;
import org.baeum.booking.club.ClubSlots;
import org.baeum.booking.club.LearningClub;
import org.baeum.booking.club.LearningClubs;
import org.baeum.catalog.Branch;
import org.baeum.catalog.CatalogService;

/**
 * 내 동아리: a citizen registers a learning club, joins one with the code its leader gave them, and sees each of their
 * clubs ({@link ClubPanel}: members, join code, recurring slots and, for the leader, the request form with its
 * clash list).
 */
@Route("my/clubs")
@RolesAllowed(Role.CITIZEN_NAME)
@Menu(order = 67.3, title = "club.nav.mine", icon = "vaadin:group")
class MyClubsView extends VerticalLayout implements HasDynamicTitle {

    private final transient LearningClubs clubs;
    private final transient ClubSlots slots;
    private final transient Bookables bookables;
    private final transient CurrentUser currentUser;
    private final transient Clock clock;
    private final List<Branch> branches;
    final TextField name = new TextField();
    final TextArea description = new TextArea();
    final Select<Branch> branch = new Select<>();
    final Button register = new Button();
    final TextField code = new TextField();
    final Button join = new Button();
    final Div list = new Div();
    private final Map<String, HasValidation> fields = new LinkedHashMap<>();

    MyClubsView(LearningClubs clubs, ClubSlots slots, Bookables bookables, CatalogService catalog,
                CurrentUser currentUser, Clock clock) {
        this.clubs = clubs;
        this.slots = slots;
        this.bookables = bookables;
        this.currentUser = currentUser;
        this.clock = clock;
        this.branches = catalog.branches();
        addClassName("baeum-my-clubs");

        name.setLabel(getTranslation("club.name"));
        name.setMaxLength(LearningClubs.MAX_NAME);
        description.setLabel(getTranslation("club.description"));
        description.setMaxLength(LearningClubs.MAX_DESCRIPTION);
        branch.setLabel(getTranslation("club.branch"));
        branch.setItems(branches);
        branch.setItemLabelGenerator(b -> b.name(getLocale()));
        register.setText(getTranslation("club.register"));
        register.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        register.addClickListener(e -> register());
        fields.put("name", name);
        fields.put("description", description);
        fields.put("branchId", branch);
        FormLayout form = new FormLayout(name, branch, description);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("36em", 2));
        Section registering = new Section(new H2(getTranslation("club.registerTitle")),
                new Paragraph(getTranslation("club.registerIntro")), form, register);

        code.setLabel(getTranslation("club.code"));
        code.setHelperText(getTranslation("club.codeHelp"));
        join.setText(getTranslation("club.join"));
        join.addClickListener(e -> join());
        Section joining = new Section(new H2(getTranslation("club.joinTitle")), code, join);

        list.addClassName("baeum-club-list");
        add(new H1(getTranslation("club.mine.title")), new Paragraph(getTranslation("club.mine.intro")), list,
                registering, joining);
        refresh();
    }

    void refresh() {
        list.removeAll();
        List<LearningClub> mine = clubs.mine();
        if (mine.isEmpty()) {
            list.add(new Paragraph(getTranslation("club.none")));
        }
        String me = currentUser.require().accountId();
        for (LearningClub club : mine) {
            String branchName = branches.stream().filter(b -> b.id().value().equals(club.branchId())).findFirst()
                    .map(b -> b.name(getLocale())).orElse(club.branchId());
            list.add(new ClubPanel(club, branchName, me.equals(club.leaderId()), clubs, slots, bookables, clock,
                    this::refresh));
        }
    }

    void register() {
        FieldErrors.clear(fields);
        try {
            LearningClub club = clubs.register(new ClubDraft(name.getValue(), description.getValue(),
                    branch.getValue() == null ? null : branch.getValue().id().value()));
            name.clear();
            description.clear();
            branch.clear();
            refresh();
            notice(getTranslation("club.registered", club.name()), NotificationVariant.LUMO_SUCCESS);
        } catch (InvalidInputException invalid) {
            FieldErrors.show(fields, invalid.problems(), this::getTranslation);
        }
    }

    void join() {
        code.setInvalid(false);
        try {
            LearningClub club = clubs.join(code.getValue());
            code.clear();
            refresh();
            notice(getTranslation("club.joined", club.name()), NotificationVariant.LUMO_SUCCESS);
        } catch (InvalidInputException invalid) {
            FieldErrors.show(Map.of("code", code), invalid.problems(), this::getTranslation);
        }
    }

    static void notice(String text, NotificationVariant variant) {
        Notification.show(text, 6000, Notification.Position.MIDDLE).addThemeVariants(variant);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("club.mine.title") + " | " + getTranslation("app.name");
    }
}
