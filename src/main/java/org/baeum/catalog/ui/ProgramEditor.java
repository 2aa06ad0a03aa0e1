package org.baeum.catalog.ui;

import org.baeum.base.ui.FieldErrors;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.baeum.catalog.AccessibilityFeature;
import org.baeum.catalog.Audience;
import org.baeum.catalog.Branch;
import org.baeum.catalog.BranchId;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.CatalogValidationException;
import org.baeum.catalog.Classification;
import org.baeum.catalog.DeliveryFormat;
import org.baeum.catalog.Instructor;
import org.baeum.catalog.LearningArea;
import org.baeum.catalog.LearningSubcategory;
import org.baeum.catalog.PolicyDomain;
import org.baeum.catalog.Program;
import org.baeum.catalog.ProgramDraft;
import org.baeum.catalog.ProgramId;
import org.baeum.catalog.ProgramKind;

/** Create or edit a program; problems show at their fields and nothing is stored until all is right. */
class ProgramEditor extends Dialog {

    final TextField titleKo = new TextField();
    final TextField titleEn = new TextField();
    final TextArea descriptionKo = new TextArea();
    final TextArea descriptionEn = new TextArea();
    final TextArea whatToBringKo = new TextArea();
    final TextArea whatToBringEn = new TextArea();
    final TextArea accessibilityNoteKo = new TextArea();
    final TextArea accessibilityNoteEn = new TextArea();
    final Select<PolicyDomain> domain = new Select<>();
    final Select<Audience> audience = new Select<>();
    final Select<ProgramKind> kind = new Select<>();
    final Select<DeliveryFormat> format = new Select<>();
    final Select<BranchId> branch = new Select<>();
    final IntegerField minAge = new IntegerField();
    final IntegerField maxAge = new IntegerField();
    final IntegerField fee = new IntegerField();
    final Checkbox reductions = new Checkbox();
    final CheckboxGroup<AccessibilityFeature> accessibility = new CheckboxGroup<>();
    final MultiSelectComboBox<Instructor> instructors = new MultiSelectComboBox<>();
    final Select<LearningArea> area = new Select<>();
    final Select<LearningSubcategory> subcategory = new Select<>();
    final Button save = new Button();
    private final Map<String, HasValidation> fields = new LinkedHashMap<>();

    /**
     * @param existing the program to edit, or to start from when {@code asCopy}; null for an empty form
     * @param asCopy   save as a new program (a copy of {@code existing})
     */
    ProgramEditor(CatalogService catalog, List<Instructor> knownInstructors, Program existing, boolean asCopy,
                  Consumer<ProgramId> saved) {
        Locale locale = getLocale();
        setHeaderTitle(getTranslation(existing == null || asCopy ? "planning.newProgram" : "planning.editProgram"));
        titleKo.setLabel(getTranslation("planning.titleKo"));
        titleKo.setMaxLength(200);
        titleEn.setLabel(getTranslation("planning.titleEn"));
        descriptionKo.setLabel(getTranslation("planning.descriptionKo"));
        descriptionEn.setLabel(getTranslation("planning.descriptionEn"));
        whatToBringKo.setLabel(getTranslation("planning.whatToBringKo"));
        whatToBringEn.setLabel(getTranslation("planning.whatToBringEn"));
        whatToBringKo.setHelperText(getTranslation("planning.whatToBring.help"));
        accessibilityNoteKo.setLabel(getTranslation("planning.accessibilityNoteKo"));
        accessibilityNoteEn.setLabel(getTranslation("planning.accessibilityNoteEn"));
        accessibilityNoteKo.setHelperText(getTranslation("planning.accessibilityNote.help"));
        enumSelect(domain, "catalog.domain", PolicyDomain.values(), "domain.");
        enumSelect(audience, "catalog.audience", Audience.values(), "audience.");
        enumSelect(kind, "planning.kind", ProgramKind.values(), "programKind.");
        enumSelect(format, "catalog.format", DeliveryFormat.values(), "format.");
        List<Branch> branches = catalog.branches();
        branch.setLabel(getTranslation("catalog.branch"));
        branch.setItems(branches.stream().map(Branch::id).toList());
        branch.setItemLabelGenerator(id -> branches.stream().filter(b -> b.id().equals(id)).map(b -> b.name(locale))
                .findFirst().orElse(id.value()));
        minAge.setLabel(getTranslation("planning.minAge"));
        maxAge.setLabel(getTranslation("planning.maxAge"));
        fee.setLabel(getTranslation("planning.fee"));
        fee.setMin(0);
        fee.setSuffixComponent(new com.vaadin.flow.component.html.Span("원"));
        reductions.setLabel(getTranslation("planning.reductions"));
        accessibility.setLabel(getTranslation("offering.accessibility"));
        accessibility.setItems(AccessibilityFeature.values());
        accessibility.setItemLabelGenerator(a -> getTranslation("accessibility." + a.name()));
        instructors.setLabel(getTranslation("offering.instructor"));
        instructors.setItems(knownInstructors);
        instructors.setItemLabelGenerator(Instructor::name);

        enumSelect(area, "catalog.area", LearningArea.values(), "learningArea.");
        area.setRequiredIndicatorVisible(true);
        subcategory.setLabel(getTranslation("catalog.subcategory"));
        subcategory.setEmptySelectionAllowed(true);
        subcategory.setEmptySelectionCaption(getTranslation("catalog.subcategory.none"));
        subcategory.setItemLabelGenerator(v -> v == null ? getTranslation("catalog.subcategory.none")
                : getTranslation("learningSubcategory." + v.name()));
        subcategory.setEnabled(false);
        area.addValueChangeListener(e -> subcategoriesOf(e.getValue()));

        fields.put("titleKo", titleKo);
        fields.put("domain", domain);
        fields.put("area", area);
        fields.put("subcategory", subcategory);
        fields.put("audience", audience);
        fields.put("kind", kind);
        fields.put("format", format);
        fields.put("branchId", branch);
        fields.put("minAge", minAge);
        fields.put("maxAge", maxAge);
        fields.put("fee", fee);
        fields.put("whatToBringKo", whatToBringKo);
        fields.put("whatToBringEn", whatToBringEn);

        if (existing != null) {
            titleKo.setValue(existing.titleKo());
            titleEn.setValue(existing.titleEn() == null ? "" : existing.titleEn());
            descriptionKo.setValue(existing.descriptionKo() == null ? "" : existing.descriptionKo());
            descriptionEn.setValue(existing.descriptionEn() == null ? "" : existing.descriptionEn());
            whatToBringKo.setValue(existing.whatToBringKo() == null ? "" : existing.whatToBringKo());
            whatToBringEn.setValue(existing.whatToBringEn() == null ? "" : existing.whatToBringEn());
            accessibilityNoteKo.setValue(existing.accessibilityNoteKo() == null ? "" : existing.accessibilityNoteKo());
            accessibilityNoteEn.setValue(existing.accessibilityNoteEn() == null ? "" : existing.accessibilityNoteEn());
            domain.setValue(existing.domain());
            audience.setValue(existing.audience());
            kind.setValue(existing.kind());
            format.setValue(existing.format());
            branch.setValue(existing.branchId());
            minAge.setValue(existing.minAge());
            maxAge.setValue(existing.maxAge());
            fee.setValue((int) existing.fee());
            reductions.setValue(existing.feeReductionsApply());
            accessibility.setValue(existing.accessibility());
            instructors.setValue(existing.instructors());
            if (existing.classification() != null) {
                area.setValue(existing.classification().area());
                subcategory.setValue(existing.classification().subcategory());
            }
        } else {
            format.setValue(DeliveryFormat.ON_SITE);
            reductions.setValue(true);
        }
        FormLayout form = new FormLayout(titleKo, titleEn, descriptionKo, descriptionEn, whatToBringKo, whatToBringEn, domain, area, subcategory, audience,
                kind, format, branch, instructors, minAge, maxAge, fee, reductions, accessibility, accessibilityNoteKo,
                accessibilityNoteEn);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("36em", 2));
        add(form);
        save.setText(getTranslation("planning.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            FieldErrors.clear(fields);
            try {
                ProgramId id = catalog.saveProgram(new ProgramDraft(existing == null || asCopy ? null : existing.id(),
                        titleKo.getValue(), titleEn.getValue(), descriptionKo.getValue(), descriptionEn.getValue(),
                        domain.getValue(), audience.getValue(), kind.getValue(), minAge.getValue(), maxAge.getValue(),
                        branch.getValue(), List.copyOf(instructors.getValue()),
                        fee.getValue() == null ? null : fee.getValue().longValue(), reductions.getValue(),
                        format.getValue(), accessibility.getValue(), accessibilityNoteKo.getValue(),
                        accessibilityNoteEn.getValue(), classification(),
                        whatToBringKo.getValue(), whatToBringEn.getValue()));
                close();
                saved.accept(id);
            } catch (CatalogValidationException invalid) {
                FieldErrors.show(fields, invalid.problems(), this::getTranslation);
            }
        });
        getFooter().add(new Button(getTranslation("planning.cancel"), e -> close()), save);
        setWidth("min(96vw, 48rem)");
    }

    /** Only the area's sub-categories; a sub-category chosen for another area is cleared. */
    private void subcategoriesOf(LearningArea chosen) {
        LearningSubcategory kept = subcategory.getValue();
        List<LearningSubcategory> items = chosen == null ? List.of()
                : Arrays.stream(LearningSubcategory.values()).filter(s -> s.area() == chosen).toList();
        subcategory.setItems(items);
        subcategory.setEnabled(!items.isEmpty());
        subcategory.setValue(kept != null && items.contains(kept) ? kept : null);
    }

    /** The classification entered; none without an area (the service asks for one at {@code area}). */
    private Classification classification() {
        LearningArea a = area.getValue();
        LearningSubcategory s = subcategory.getValue();
        return a == null ? null : new Classification(a, s != null && s.area() == a ? s : null);
    }

    private <E extends Enum<E>> void enumSelect(Select<E> select, String labelKey, E[] values, String prefix) {
        select.setLabel(getTranslation(labelKey));
        select.setItems(Arrays.asList(values));
        select.setItemLabelGenerator(v -> getTranslation(prefix + v.name()));
    }
}
