package org.baeum.recruitment.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.baeum.account.FeeReductionCategories;
import org.baeum.account.FeeReductionCategory;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.base.ui.FieldErrors;
import org.baeum.catalog.CatalogQuery;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.Offering;
import org.baeum.catalog.OfferingId;
import org.baeum.recruitment.ReservedShare;
import org.baeum.recruitment.Round;
import org.baeum.recruitment.RoundDraft;
import org.baeum.recruitment.RoundService;

/**
 * The "new round" form of {@link StaffRoundsView}: id, titles, offerings (a search over the staff catalog, drafts
 * included), the phases, the confirmation deadline, the second entry and the previous round it refers to, the
 * re-registration links (each offering's previous-term run), and the reserved share (percent, fee-reduction
 * categories, districts). {@link RoundService#create} checks everything; its problems show at their fields, a phase's
 * on its row, and nothing is stored.
 */
class RoundForm extends Section {

    final TextField id = new TextField();
    final TextField titleKo = new TextField();
    final TextField titleEn = new TextField();
    final MultiSelectComboBox<Offering> offerings = new MultiSelectComboBox<>();
    final RoundPhasesEditor phases = new RoundPhasesEditor();
    final DateTimePicker confirmationDeadline = new DateTimePicker();
    final Checkbox secondEntry = new Checkbox();
    final IntegerField reservedPercent = new IntegerField();
    final MultiSelectComboBox<FeeReductionCategory> reservedCategories = new MultiSelectComboBox<>();
    final TextField reservedDistricts = new TextField();
    final ComboBox<Round> previousRound = new ComboBox<>();
    final ContinuationsEditor continuations = new ContinuationsEditor((text, page) -> search(text, page, 20));
    final Button create = new Button();

    private final transient RoundService rounds;
    private final transient CatalogService catalog;
    private final transient Consumer<Round> created;

    RoundForm(RoundService rounds, CatalogService catalog, FeeReductionCategories eligibility, Consumer<Round> created) {
        this.rounds = rounds;
        this.catalog = catalog;
        this.created = created;
        addClassName("baeum-round-form");
        setWidthFull();
        Locale locale = getLocale();

        id.setLabel(getTranslation("staffRounds.field.id"));
        id.setHelperText(getTranslation("staffRounds.field.id.helper"));
        id.setMaxLength(32);
        titleKo.setLabel(getTranslation("staffRounds.field.titleKo"));
        titleEn.setLabel(getTranslation("staffRounds.field.titleEn"));
        titleKo.setMaxLength(200);
        titleEn.setMaxLength(200);
        offerings.setLabel(getTranslation("staffRounds.field.offerings"));
        offerings.setHelperText(getTranslation("staffRounds.field.offerings.helper"));
        offerings.setItemLabelGenerator(o -> StaffRoundTexts.offering(o, getLocale()));
        offerings.setItems(query -> search(query.getFilter().orElse(null), query.getPage(), query.getPageSize()))
                .setIdentifierProvider(Offering::id);
        offerings.addValueChangeListener(e -> continuations.offerings(e.getValue()));
        previousRound.setLabel(getTranslation("staffRounds.field.previousRound"));
        previousRound.setHelperText(getTranslation("staffRounds.field.previousRound.helper"));
        previousRound.setItems(rounds.rounds());
        previousRound.setItemLabelGenerator(r -> r.title(getLocale()) + " (" + r.id().value() + ")");
        previousRound.setClearButtonVisible(true);
        confirmationDeadline.setLabel(getTranslation("staffRounds.field.confirmationDeadline"));
        secondEntry.setLabel(getTranslation("staffRounds.field.secondEntry"));
        reservedPercent.setLabel(getTranslation("staffRounds.field.reservedPercent"));
        reservedPercent.setMin(0);
        reservedPercent.setMax(50);
        reservedPercent.setValue(0);
        reservedPercent.setSuffixComponent(new com.vaadin.flow.component.html.Span("%"));
        reservedCategories.setLabel(getTranslation("staffRounds.field.reservedCategories"));
        reservedCategories.setItems(eligibility.categories());
        reservedCategories.setItemLabelGenerator(c -> c.name(locale));
        reservedDistricts.setLabel(getTranslation("staffRounds.field.reservedDistricts"));
        reservedDistricts.setHelperText(getTranslation("staffRounds.field.reservedDistricts.helper"));
        create.setText(getTranslation("staffRounds.create"));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> submit());

        FormLayout basics = new FormLayout(id, titleKo, titleEn, offerings, confirmationDeadline, secondEntry, previousRound,
                continuations);
        basics.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("36em", 2));
        basics.setColspan(offerings, 2);
        basics.setColspan(continuations, 2);
        FormLayout reserved = new FormLayout(reservedPercent, reservedCategories, reservedDistricts);
        reserved.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("36em", 3));
        add(new H2(getTranslation("staffRounds.new")), basics, new H3(getTranslation("staffRounds.phases")), phases,
                new H3(getTranslation("staffRounds.reserved")), reserved, create);
    }

    /** One page of the staff catalog matching the typed text (drafts included). */
    private Stream<Offering> search(String text, int page, int size) {
        int pageSize = Math.clamp(size, 1, CatalogQuery.MAX_SIZE);
        String filter = text == null || text.isBlank() ? null : text.strip();
        if (page > CatalogQuery.lastPage(pageSize) || filter != null && filter.length() > 100) {
            return Stream.empty();
        }
        return catalog.searchForStaff(new CatalogQuery(filter, null, null, null, null, null, null, null, null, null,
                false, null, page, pageSize)).items().stream();
    }

    /** The fields by the names of the service's problems. */
    private Map<String, HasValidation> fields() {
        Map<String, HasValidation> fields = new LinkedHashMap<>();
        fields.put("id", id);
        fields.put("titleKo", titleKo);
        fields.put("titleEn", titleEn);
        fields.put("offerings", offerings);
        fields.putAll(phases.fields());
        fields.put("confirmationDeadline", confirmationDeadline);
        fields.put("reservedPercent", reservedPercent);
        fields.put("reservedCategories", reservedCategories);
        fields.put("reservedDistricts", reservedDistricts);
        fields.put("previousRound", previousRound);
        fields.put("continuations", continuations);
        return fields;
    }

    RoundDraft draft() {
        List<OfferingId> chosen = offerings.getValue().stream().map(Offering::id).sorted(
                java.util.Comparator.comparing(OfferingId::value)).toList();
        List<String> categories = reservedCategories.getValue().stream().map(FeeReductionCategory::code).sorted().toList();
        List<String> districts = Arrays.stream(reservedDistricts.getValue().split("[,\\s]+")).map(String::strip)
                .filter(d -> !d.isEmpty()).map(d -> d.toUpperCase(Locale.ROOT)).distinct().toList();
        Integer percent = reservedPercent.getValue();
        return new RoundDraft(id.getValue().strip(), titleKo.getValue(), titleEn.getValue(), chosen, phases.value(),
                RoundPhasesEditor.instant(confirmationDeadline.getValue()), secondEntry.getValue(),
                new ReservedShare(percent == null ? 0 : percent, categories, districts),
                previousRound.getValue() == null ? null : previousRound.getValue().id(), continuations.getValue());
    }

    void submit() {
        Map<String, HasValidation> fields = fields();
        FieldErrors.clear(fields);
        try {
            Round round = rounds.create(draft());
            id.clear();
            titleKo.clear();
            titleEn.clear();
            offerings.clear();
            phases.reset();
            confirmationDeadline.clear();
            secondEntry.clear();
            reservedPercent.setValue(0);
            reservedCategories.clear();
            reservedDistricts.clear();
            previousRound.clear();
            previousRound.setItems(rounds.rounds());
            created.accept(round);
        } catch (InvalidInputException invalid) {
            FieldErrors.show(fields, invalid.problems(), this::getTranslation);
        }
    }
}
