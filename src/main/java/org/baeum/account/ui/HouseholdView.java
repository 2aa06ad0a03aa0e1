package org.baeum.account.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
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
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.baeum.account.Dependant;
import org.baeum.account.DependantDraft;
import org.baeum.account.EligibilityClaim;
import org.baeum.account.EligibilityService;
import org.baeum.account.FeeReductionCategories;
import org.baeum.account.EligibilityStatus;
import org.baeum.account.FeeReduction;
import org.baeum.account.FeeReductionCategory;
import org.baeum.account.HouseholdService;
import org.baeum.account.Participant;
import org.baeum.account.Relation;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.base.i18n.Formats;
import org.baeum.base.security.Role;
import org.baeum.base.ui.FieldErrors;

/**
 * A citizen's household: the people they can enrol (themself and their dependants), adding and removing
 * dependants, and fee-reduction declarations with their status, validity and any reason for a refusal.
 */
@Route("my/household")
@RolesAllowed(Role.CITIZEN_NAME)
@Menu(order = 70, title = "nav.household", icon = "vaadin:family")
class HouseholdView extends VerticalLayout implements HasDynamicTitle {

    private final HouseholdService households;
    private final EligibilityService eligibility;
    private final FeeReductionCategories categories;

    final UnorderedList people = new UnorderedList();
    final TextField dependantName = new TextField();
    final DatePicker dependantBirth = new DatePicker();
    final Select<Relation> relation = new Select<>();
    final Button addDependant = new Button();
    final Select<Participant> claimParticipant = new Select<>();
    final Select<FeeReductionCategory> claimCategory = new Select<>();
    final TextArea claimNote = new TextArea();
    final Button declare = new Button();
    final UnorderedList claims = new UnorderedList();

    HouseholdView(HouseholdService households, EligibilityService eligibility, FeeReductionCategories categories) {
        this.households = households;
        this.eligibility = eligibility;
        this.categories = categories;
        addClassName("baeum-household");
        add(new H1(getTranslation("household.title")), new Paragraph(getTranslation("household.intro")));
        add(peopleSection(), eligibilitySection());
        refresh();
    }

    private Section peopleSection() {
        people.addClassName("baeum-card-list");
        dependantName.setLabel(getTranslation("household.name"));
        dependantBirth.setLabel(getTranslation("signup.birthDate"));
        dependantBirth.setMax(LocalDate.now());
        relation.setLabel(getTranslation("household.relation"));
        relation.setItems(Relation.values());
        relation.setItemLabelGenerator(r -> r == null ? "" : getTranslation(r.messageKey()));
        addDependant.setText(getTranslation("household.add"));
        addDependant.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        addDependant.addClickListener(e -> add());
        Section s = new Section(new H2(getTranslation("household.people")), people,
                new H3(getTranslation("household.addTitle")),
                new FormLayout(dependantName, dependantBirth, relation), addDependant);
        s.addClassName("baeum-section");
        return s;
    }

    private Section eligibilitySection() {
        claimParticipant.setLabel(getTranslation("eligibility.participant"));
        claimParticipant.setItemLabelGenerator(p -> p == null ? "" : p.name());
        claimCategory.setLabel(getTranslation("eligibility.category"));
        claimCategory.setItems(categories.declarableCategories());
        claimCategory.setItemLabelGenerator(c -> c == null ? "" : c.name(getLocale()) + " (" + c.ratePercent() + "%)");
        claimNote.setLabel(getTranslation("eligibility.note"));
        claimNote.setHelperText(getTranslation("eligibility.note.helper"));
        claimNote.setMaxLength(500);
        declare.setText(getTranslation("eligibility.declare"));
        declare.addClickListener(e -> declare());
        Section s = new Section(new H2(getTranslation("eligibility.title")),
                new Paragraph(getTranslation("eligibility.intro")),
                new FormLayout(claimParticipant, claimCategory, claimNote), declare,
                new H3(getTranslation("eligibility.mine")), claims);
        s.addClassName("baeum-section");
        return s;
    }

    void add() {
        Map<String, HasValidation> fields = Map.of("name", dependantName, "birthDate", dependantBirth, "relation", relation);
        FieldErrors.clear(fields);
        try {
            Dependant d = households.addDependant(new DependantDraft(dependantName.getValue(), dependantBirth.getValue(),
                    relation.getValue()));
            dependantName.clear();
            dependantBirth.clear();
            relation.clear();
            Notification.show(getTranslation("household.added", d.name()), 5000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            refresh();
        } catch (InvalidInputException ex) {
            FieldErrors.show(fields, ex.problems(), (k, a) -> getTranslation(k, a));
        }
    }

    void declare() {
        Map<String, HasValidation> fields = Map.of("participant", claimParticipant, "category", claimCategory, "note", claimNote);
        FieldErrors.clear(fields);
        try {
            if (claimParticipant.getValue() == null) {
                throw InvalidInputException.of("participant", "eligibility.participant.required");
            }
            eligibility.declare(claimParticipant.getValue().id(),
                    claimCategory.getValue() == null ? null : claimCategory.getValue().code(), claimNote.getValue());
            claimNote.clear();
            Notification.show(getTranslation("eligibility.declared"), 5000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            refresh();
        } catch (InvalidInputException ex) {
            FieldErrors.show(fields, ex.problems(), (k, a) -> getTranslation(k, a));
        }
    }

    void refresh() {
        LocalDate today = LocalDate.now(Formats.SEOUL);
        List<Participant> participants = households.myParticipants();
        people.removeAll();
        for (Participant p : participants) {
            ListItem item = new ListItem();
            item.add(new Span(p.name()), new Span(" · " + getTranslation(p.self() ? "household.self" : p.relation().messageKey())),
                    new Span(" · " + getTranslation("household.age", p.ageOn(today))));
            List<FeeReduction> reductions = eligibility.reductionsFor(p.id(), today);
            if (!reductions.isEmpty()) {
                item.add(new Span(" · " + getTranslation("household.reductions", String.join(", ",
                        reductions.stream().map(r -> ("en".equals(getLocale().getLanguage()) ? r.nameEn() : r.nameKo())
                                + " " + r.ratePercent() + "%").toList()))));
            }
            if (!p.self()) {
                Button remove = new Button(getTranslation("household.remove"), e -> confirmRemoval(p));
                remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
                remove.setAriaLabel(getTranslation("household.removeNamed", p.name()));
                item.add(remove);
            }
            people.add(item);
        }
        claimParticipant.setItems(participants);
        claimCategory.setItems(categories.declarableCategories(participants));
        claims.removeAll();
        List<EligibilityClaim> mine = eligibility.myClaims();
        if (mine.isEmpty()) {
            claims.add(new ListItem(getTranslation("eligibility.none")));
        }
        for (EligibilityClaim c : mine) {
            ListItem item = new ListItem();
            String category = categories.category(c.category()).map(x -> x.name(getLocale())).orElse(c.category());
            Span status = new Span(getTranslation(c.status().messageKey()));
            status.addClassName("baeum-status-" + c.status().name().toLowerCase());
            item.add(new Span(c.participantName() + " · " + category + " · "), status,
                    new Span(" · " + getTranslation("eligibility.declaredAt", Formats.dateTime(c.declaredAt(), getLocale()))));
            if (c.status() == EligibilityStatus.APPROVED || c.status() == EligibilityStatus.EXPIRED) {
                item.add(new Div(new Span(getTranslation("eligibility.validUntil", Formats.date(c.validUntil(), getLocale())))));
            }
            if (c.status() == EligibilityStatus.REJECTED && c.reason() != null) {
                item.add(new Div(new Span(getTranslation("eligibility.reason", c.reason()))));
            }
            if (c.status() == EligibilityStatus.PENDING) {
                Button withdraw = new Button(getTranslation("eligibility.withdraw"), e -> {
                    eligibility.withdraw(c.id());
                    refresh();
                });
                withdraw.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
                item.add(withdraw);
            }
            claims.add(item);
        }
    }

    private void confirmRemoval(Participant p) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("household.removeTitle", p.name()));
        dialog.add(new Paragraph(getTranslation("household.removeText")));
        Button yes = new Button(getTranslation("household.remove"), e -> {
            households.removeDependant(p.id());
            dialog.close();
            refresh();
        });
        yes.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> dialog.close()), yes);
        add(dialog);
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("household.title") + " | " + getTranslation("app.name");
    }
}
