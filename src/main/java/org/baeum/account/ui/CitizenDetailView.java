package org.baeum.account.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.util.Comparator;
import org.baeum.account.Account;
import org.baeum.account.AccountAdministration;
import org.baeum.account.AccountId;
import org.baeum.account.Ages;
import org.baeum.account.Dependant;
import org.baeum.account.EligibilityClaim;
import org.baeum.account.EligibilityService;
import org.baeum.account.FeeReductionCategories;
import org.baeum.base.i18n.Formats;
import org.baeum.base.security.Role;
import org.baeum.base.ui.CitizenDeskSection;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;

/**
 * One citizen's full record for the desk: contact data, household and fee-reduction claims, then the sections other
 * features contribute ({@link CitizenDeskSection}, e.g. enrolments). Opening it writes access-log entries (who, when,
 * whose record, from where).
 */
@Route("staff/citizens/:id")
@RolesAllowed({Role.STAFF_NAME, Role.ADMIN_NAME})
class CitizenDetailView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final AccountAdministration administration;
    private final EligibilityService eligibility;
    private final FeeReductionCategories categories;
    private final transient ObjectProvider<CitizenDeskSection> sections;

    CitizenDetailView(AccountAdministration administration, EligibilityService eligibility,
                      FeeReductionCategories categories, ObjectProvider<CitizenDeskSection> sections) {
        this.administration = administration;
        this.eligibility = eligibility;
        this.categories = categories;
        this.sections = sections;
        addClassName("baeum-citizen-detail");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get("id").orElse("");
        AccountAdministration.CitizenRecord record;
        try {
            record = administration.citizen(new AccountId(id));
        } catch (AccessDeniedException e) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        removeAll();
        Account a = record.account();
        LocalDate today = LocalDate.now(Formats.SEOUL);
        add(new Anchor("staff/citizens", getTranslation("citizens.back")), new H1(a.displayName()),
                new Paragraph(getTranslation("citizens.logged")));
        DescriptionList details = new DescriptionList();
        term(details, "signup.email", a.email() + " (" + getTranslation(a.emailVerified() ? "citizens.verified" : "citizens.unverified") + ")");
        term(details, "signup.mobile", a.mobile() == null ? "—" : a.mobile());
        term(details, "signup.birthDate", a.birthDate() == null ? "—"
                : Formats.date(a.birthDate(), getLocale()) + " (" + getTranslation("household.age", Ages.on(a.birthDate(), today)) + ")");
        term(details, "signup.district", a.district() == null ? "—" : getTranslation(a.district().messageKey()));
        term(details, "signup.language", getTranslation("language." + a.language().getLanguage()));
        term(details, "myAccount.since", Formats.dateTime(a.createdAt(), getLocale()));
        term(details, "citizens.state", getTranslation(a.enabled() ? "citizens.active" : "citizens.deactivated"));
        add(details);

        add(new H2(getTranslation("household.people")));
        UnorderedList people = new UnorderedList();
        for (Dependant d : record.dependants()) {
            people.add(new ListItem(d.name() + " · " + getTranslation(d.relation().messageKey()) + " · "
                    + Formats.date(d.birthDate(), getLocale()) + " (" + getTranslation("household.age", Ages.on(d.birthDate(), today)) + ")"
                    + (d.active() ? "" : " · " + getTranslation("household.removed"))));
        }
        if (record.dependants().isEmpty()) {
            people.add(new ListItem(getTranslation("household.noDependants")));
        }
        add(people);

        add(new H2(getTranslation("eligibility.title")));
        UnorderedList claims = new UnorderedList();
        for (EligibilityClaim c : eligibility.claimsOf(a.id())) {
            String category = categories.category(c.category()).map(x -> x.name(getLocale())).orElse(c.category());
            claims.add(new ListItem(c.participantName() + " · " + category + " · " + getTranslation(c.status().messageKey())
                    + (c.validUntil() == null ? "" : " · " + getTranslation("eligibility.validUntil", Formats.date(c.validUntil(), getLocale())))
                    + (c.reason() == null ? "" : " · " + getTranslation("eligibility.reason", c.reason()))));
        }
        if (claims.getChildren().findAny().isEmpty()) {
            claims.add(new ListItem(getTranslation("eligibility.none")));
        }
        add(claims);

        sections.stream().sorted(Comparator.comparingInt(CitizenDeskSection::order))
                .forEach(section -> add(section.create(a.id().value())));
    }

    private void term(DescriptionList list, String key, String value) {
        list.add(new DescriptionList.Term(getTranslation(key)), new DescriptionList.Description(value));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("citizens.detailTitle") + " | " + getTranslation("app.name");
    }
}
