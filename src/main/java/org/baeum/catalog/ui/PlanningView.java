package org.baeum.catalog.ui;

import org.baeum.base.ui.FieldErrors;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.baeum.account.AccountService;
import org.baeum.base.i18n.Formats;
import org.baeum.base.security.Role;
import org.baeum.catalog.CatalogQuery;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.CatalogValidationException;
import org.baeum.catalog.Instructor;
import org.baeum.catalog.Offering;
import org.baeum.catalog.Program;
import org.baeum.catalog.Publication;
import org.baeum.catalog.Term;
import org.baeum.catalog.TermCopies;
import org.baeum.catalog.TermDraft;
import org.baeum.catalog.TermType;

/**
 * Staff plan a term: its offerings (drafts included) with create, edit, copy to another term, publish and
 * unpublish; copy a whole term; create terms and programs.
 */
@Route("staff/catalog")
@RolesAllowed({Role.STAFF_NAME, Role.ADMIN_NAME})
@Menu(order = 60, title = "nav.planning", icon = "vaadin:calendar")
class PlanningView extends VerticalLayout implements HasDynamicTitle {

    private final transient CatalogService catalog;
    private final transient TermCopies copies;
    private final transient AccountService accounts;
    private final transient Clock clock;
    final Select<Term> term = new Select<>();
    final Grid<Offering> offerings = new Grid<>();
    final Grid<Program> programs = new Grid<>();

    PlanningView(CatalogService catalog, TermCopies copies, AccountService accounts, Clock clock) {
        this.catalog = catalog;
        this.copies = copies;
        this.accounts = accounts;
        this.clock = clock;
        addClassName("baeum-planning");
        Locale locale = getLocale();

        term.setLabel(getTranslation("offering.term"));
        term.setWidth("min(100%, 24rem)");
        term.setItemLabelGenerator(t -> t.name(locale) + " (" + getTranslation("termType." + t.type().name()) + ")");
        term.addValueChangeListener(e -> offerings.getDataProvider().refreshAll());
        Button newTerm = new Button(getTranslation("planning.newTerm"), e -> termDialog());
        Button copyTerm = new Button(getTranslation("planning.copyTerm"), e -> copyTermDialog());
        Button newOffering = new Button(getTranslation("planning.newOffering"),
                e -> new OfferingEditor(catalog, null, term.getValue(), id -> refresh()).open());
        newOffering.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        // the spreadsheet import (catalog.imports.ui, reached by its address)
        Anchor importLink = new Anchor("staff/catalog-import", getTranslation("catalog.import.link"));
        HorizontalLayout termBar = new HorizontalLayout(term, newTerm, copyTerm, newOffering, importLink);
        termBar.setAlignItems(FlexComponent.Alignment.BASELINE);
        termBar.setWrap(true);

        offerings.setAriaLabel(getTranslation("planning.offerings"));
        offerings.addColumn(o -> o.title(locale)).setHeader(getTranslation("planning.program")).setFlexGrow(2);
        offerings.addColumn(o -> o.schedule().describe(locale)).setHeader(getTranslation("offering.schedule")).setAutoWidth(true);
        offerings.addColumn(o -> o.capacity() + " / " + o.seatsLeft()).setHeader(getTranslation("offering.seats")).setAutoWidth(true);
        offerings.addColumn(o -> PhaseTexts.summary(this, locale, o.recruitment())).setHeader(getTranslation("offering.recruitment"))
                .setAutoWidth(true);
        offerings.addColumn(o -> getTranslation("offeringStatus." + o.status(clock.instant()).name()))
                .setHeader(getTranslation("offering.status")).setAutoWidth(true);
        offerings.addComponentColumn(this::actions).setHeader(getTranslation("planning.actions")).setAutoWidth(true);
        offerings.setItems(query -> {
            if (term.getValue() == null) {
                return java.util.stream.Stream.empty();
            }
            CatalogQuery q = new CatalogQuery(null, null, null, null, null, null, term.getValue().id(), null, null, null,
                    false, null, query.getOffset() / query.getLimit(), Math.min(CatalogQuery.MAX_SIZE, query.getLimit()));
            return catalog.searchForStaff(q).items().stream();
        });
        offerings.setPageSize(CatalogQuery.MAX_SIZE);
        offerings.setHeight("28rem");

        programs.setAriaLabel(getTranslation("planning.programs"));
        programs.addColumn(p -> p.title(locale)).setHeader(getTranslation("planning.program")).setFlexGrow(2);
        programs.addColumn(p -> getTranslation("audience." + p.audience().name())).setHeader(getTranslation("catalog.audience")).setAutoWidth(true);
        programs.addColumn(p -> p.fee() == 0 ? getTranslation("catalog.free") : Formats.won(p.fee(), locale))
                .setHeader(getTranslation("offering.fee")).setAutoWidth(true);
        programs.addComponentColumn(p -> {
            Button edit = new Button(getTranslation("planning.edit"), e -> programEditor(p, false));
            Button copy = new Button(getTranslation("planning.copy"), e -> programEditor(p, true));
            for (Button b : List.of(edit, copy)) {
                b.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
                b.setAriaLabel(b.getText() + ": " + p.title(locale));
            }
            // the program's completion rule (the attendance feature's page, reached by its address)
            Anchor completion = new Anchor("staff/programs/" + p.id().value() + "/completion",
                    getTranslation("planning.completion"));
            completion.getElement().setAttribute("aria-label", getTranslation("planning.completion") + ": " + p.title(locale));
            HorizontalLayout row = new HorizontalLayout(edit, copy, completion);
            row.setAlignItems(FlexComponent.Alignment.BASELINE);
            return row;
        }).setHeader(getTranslation("planning.actions")).setAutoWidth(true);
        programs.setHeight("20rem");
        Button newProgram = new Button(getTranslation("planning.newProgram"), e -> programEditor(null, false));

        add(new H1(getTranslation("planning.title")), termBar, offerings,
                new H2(getTranslation("planning.programs")), newProgram, programs);
        reloadTerms(null);
        programs.setItems(catalog.programs());
    }

    private HorizontalLayout actions(Offering o) {
        Locale locale = getLocale();
        Button edit = new Button(getTranslation("planning.edit"),
                e -> new OfferingEditor(catalog, o, term.getValue(), id -> refresh()).open());
        boolean published = o.publication() == Publication.PUBLISHED;
        Button publish = new Button(getTranslation(published ? "planning.unpublish" : "planning.publish"), e -> {
            if (published) {
                catalog.unpublish(o.id());
            } else {
                catalog.publish(o.id());
            }
            refresh();
        });
        Button copy = new Button(getTranslation("planning.copy"), e -> copyOfferingDialog(o));
        for (Button b : List.of(edit, publish, copy)) {
            b.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            b.setAriaLabel(b.getText() + ": " + o.title(locale));
        }
        // the enrolment desk of the offering (the enrollment feature's page, reached by its address)
        Anchor enrollments = new Anchor("staff/enrollments/" + o.id().value(), getTranslation("planning.enrollments"));
        enrollments.getElement().setAttribute("aria-label", getTranslation("planning.enrollments") + ": " + o.title(locale));
        HorizontalLayout row = new HorizontalLayout(edit, publish, copy, enrollments);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        return row;
    }

    private void refresh() {
        offerings.getDataProvider().refreshAll();
    }

    private void reloadTerms(Term select) {
        List<Term> terms = catalog.terms();
        term.setItems(terms);
        if (select != null) {
            terms.stream().filter(t -> t.id().equals(select.id())).findFirst().ifPresent(term::setValue);
        } else if (!terms.isEmpty()) {
            term.setValue(terms.getFirst());
        }
    }

    void programEditor(Program existing, boolean asCopy) {
        List<Instructor> instructors = new java.util.ArrayList<>(accounts.instructors().stream()
                .map(a -> new Instructor(a.id().value(), a.displayName())).toList());
        catalog.programs().stream().flatMap(p -> p.instructors().stream()).distinct()
                .filter(i -> !instructors.contains(i)).forEach(instructors::add);
        new ProgramEditor(catalog, instructors, existing, asCopy, id -> programs.setItems(catalog.programs())).open();
    }

    private void termDialog() {
        Dialog dialog = new Dialog(getTranslation("planning.newTerm"));
        TextField nameKo = new TextField(getTranslation("planning.termNameKo"));
        TextField nameEn = new TextField(getTranslation("planning.termNameEn"));
        Select<TermType> type = new Select<>();
        type.setLabel(getTranslation("planning.termType"));
        type.setItems(TermType.values());
        type.setItemLabelGenerator(t -> getTranslation("termType." + t.name()));
        DatePicker start = new DatePicker(getTranslation("planning.firstDate"));
        DatePicker end = new DatePicker(getTranslation("planning.lastDate"));
        Map<String, HasValidation> fields = new LinkedHashMap<>();
        fields.put("nameKo", nameKo);
        fields.put("type", type);
        fields.put("startDate", start);
        fields.put("endDate", end);
        dialog.add(new FormLayout(nameKo, nameEn, type, start, end));
        Button save = new Button(getTranslation("planning.save"), e -> {
            FieldErrors.clear(fields);
            try {
                var id = catalog.saveTerm(new TermDraft(null, nameKo.getValue(), nameEn.getValue(), type.getValue(),
                        start.getValue(), end.getValue()));
                dialog.close();
                reloadTerms(catalog.terms().stream().filter(t -> t.id().equals(id)).findFirst().orElse(null));
            } catch (CatalogValidationException invalid) {
                FieldErrors.show(fields, invalid.problems(), this::getTranslation);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("planning.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    private Select<Term> targetTerm() {
        Select<Term> target = new Select<>();
        target.setLabel(getTranslation("planning.targetTerm"));
        target.setItems(catalog.terms().stream().filter(t -> term.getValue() == null || !t.id().equals(term.getValue().id())).toList());
        target.setItemLabelGenerator(t -> t.name(getLocale()));
        return target;
    }

    private void copyOfferingDialog(Offering o) {
        copyDialog(getTranslation("planning.copy") + ": " + o.title(getLocale()), (dialog, target) -> {
            copies.copyOffering(o.id(), target.id());
            dialog.close();
            Notification.show(getTranslation("planning.copied", 1, 0)).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        });
    }

    private void copyTermDialog() {
        Term source = term.getValue();
        if (source == null) {
            return;
        }
        copyDialog(getTranslation("planning.copyTerm") + ": " + source.name(getLocale()), (dialog, target) -> {
            var result = copies.copyTerm(source.id(), target.id());
            dialog.close();
            Notification.show(getTranslation("planning.copied", result.created().size(), result.failed().size()), 8000,
                    Notification.Position.MIDDLE).addThemeVariants(result.failed().isEmpty()
                    ? NotificationVariant.LUMO_SUCCESS : NotificationVariant.LUMO_WARNING);
            reloadTerms(target);
        });
    }

    /** A dialog that asks for the target term and runs the copy; refusals show at the term field. */
    private void copyDialog(String title, java.util.function.BiConsumer<Dialog, Term> copyInto) {
        Dialog dialog = new Dialog(title);
        Select<Term> target = targetTerm();
        dialog.add(target);
        Button copy = new Button(getTranslation("planning.copy"), e -> {
            if (target.getValue() == null) {
                target.setErrorMessage(getTranslation("validation.required"));
                target.setInvalid(true);
                return;
            }
            try {
                copyInto.accept(dialog, target.getValue());
            } catch (CatalogValidationException invalid) {
                target.setErrorMessage(invalid.problems().stream()
                        .map(p -> getTranslation(p.messageKey(), p.arguments().toArray())).reduce((a, b) -> a + " " + b).orElse(""));
                target.setInvalid(true);
            }
        });
        copy.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("planning.cancel"), e -> dialog.close()), copy);
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("planning.title") + " | " + getTranslation("app.name");
    }
}
