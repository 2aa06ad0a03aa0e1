package org.baeum.survey.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.baeum.base.domain.FieldProblem;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.base.security.Role;
import org.baeum.catalog.CatalogQuery;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.Offering;
import org.baeum.catalog.Term;
import org.baeum.survey.Question;
import org.baeum.survey.QuestionType;
import org.baeum.survey.SurveyDraft;
import org.baeum.survey.SurveyTiming;
import org.baeum.survey.Surveys;

/**
 * STAFF define a survey (만족도 조사 만들기): titles, the term and either all its classes or chosen ones, when the
 * invitations go out and when it closes, and the questions, starting from the default questionnaire (optional age
 * band and "how did you hear" as checkboxes). Every problem is shown at its field; nothing is stored until all are
 * right.
 */
@Route("staff/surveys/new")
@RolesAllowed({Role.STAFF_NAME, Role.ADMIN_NAME})
class NewSurveyView extends VerticalLayout implements HasDynamicTitle {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    private final transient Surveys surveys;
    private final transient CatalogService catalog;
    final TextField titleKo = new TextField();
    final TextField titleEn = new TextField();
    final Select<Term> term = new Select<>();
    final RadioButtonGroup<Boolean> wholeTerm = new RadioButtonGroup<>();
    final MultiSelectComboBox<Offering> offerings = new MultiSelectComboBox<>();
    final Select<SurveyTiming> timing = new Select<>();
    final DateTimePicker opensAt = new DateTimePicker();
    final DateTimePicker closesAt = new DateTimePicker();
    final Checkbox ageBand = new Checkbox();
    final Checkbox heardOf = new Checkbox();
    final Div questionArea = new Div();
    final List<QuestionRow> rows = new ArrayList<>();
    final Button addQuestion = new Button();
    final Button save = new Button();
    final Div status = new Div();
    private final Map<String, HasValidation> fields = new LinkedHashMap<>();

    NewSurveyView(Surveys surveys, CatalogService catalog) {
        this.surveys = surveys;
        this.catalog = catalog;
        addClassName("baeum-survey-new");
        titleKo.setLabel(getTranslation("survey.editor.titleKo"));
        titleEn.setLabel(getTranslation("survey.editor.titleEn"));
        titleKo.setRequiredIndicatorVisible(true);
        titleKo.setMaxLength(100);
        titleEn.setMaxLength(100);
        term.setLabel(getTranslation("survey.editor.term"));
        term.setItems(catalog.terms());
        term.setItemLabelGenerator(t -> t.name(getLocale()));
        term.addValueChangeListener(e -> loadOfferings());
        wholeTerm.setLabel(getTranslation("survey.editor.target"));
        wholeTerm.setItems(true, false);
        wholeTerm.setItemLabelGenerator(b -> getTranslation(b ? "survey.editor.wholeTerm" : "survey.editor.chosen"));
        wholeTerm.setValue(true);
        wholeTerm.addValueChangeListener(e -> offerings.setEnabled(Boolean.FALSE.equals(e.getValue())));
        offerings.setLabel(getTranslation("survey.editor.offerings"));
        offerings.setItemLabelGenerator(o -> o.title(getLocale()) + " (" + o.id().value() + ")");
        offerings.setEnabled(false);
        timing.setLabel(getTranslation("survey.editor.timing"));
        timing.setItems(SurveyTiming.values());
        timing.setItemLabelGenerator(t -> getTranslation("survey.timing." + t.name()));
        timing.setValue(SurveyTiming.END_OF_CLASS);
        opensAt.setLabel(getTranslation("survey.editor.opensAt"));
        closesAt.setLabel(getTranslation("survey.editor.closesAt"));
        opensAt.setHelperText(getTranslation("survey.editor.opensHelp"));
        opensAt.setValue(LocalDateTime.now(SEOUL).withSecond(0).withNano(0));
        // said in words: the date-time picker's required indicator puts aria-required on the picker itself, a group,
        // which does not allow it (axe: aria-allowed-attr)
        closesAt.setHelperText(getTranslation("survey.editor.closesRequired"));
        ageBand.setLabel(getTranslation("survey.editor.ageBand"));
        heardOf.setLabel(getTranslation("survey.editor.heardOf"));
        ageBand.addValueChangeListener(e -> resetQuestions());
        heardOf.addValueChangeListener(e -> resetQuestions());
        addQuestion.setText(getTranslation("survey.editor.add"));
        addQuestion.addClickListener(e -> addRow(new Question("q" + (rows.size() + 1), QuestionType.SCALE, 5, true,
                true, "", "", List.of(), List.of())));
        save.setText(getTranslation("survey.editor.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        status.getElement().setAttribute("role", "status");
        status.getElement().setAttribute("aria-live", "polite");
        fields.putAll(Map.of("titleKo", titleKo, "titleEn", titleEn, "target", offerings, "timing", timing,
                "opensAt", opensAt, "closesAt", closesAt));

        FormLayout form = new FormLayout(titleKo, titleEn, term, wholeTerm, offerings, timing, opensAt, closesAt,
                ageBand, heardOf);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("36em", 2));
        add(new H1(getTranslation("survey.editor.title")), new Paragraph(getTranslation("survey.editor.intro")),
                new RouterLink(getTranslation("survey.editor.back"), StaffSurveysView.class), form,
                new H2(getTranslation("survey.editor.questions")), questionArea, addQuestion, save, status);
        resetQuestions();
    }

    private void loadOfferings() {
        offerings.clear();
        Term t = term.getValue();
        if (t == null) {
            offerings.setItems(List.of());
            return;
        }
        List<Offering> found = new ArrayList<>(catalog.searchForStaff(new CatalogQuery(null, null, null, null, null,
                null, t.id(), null, null, null, false, null, 0, CatalogQuery.MAX_SIZE)).items());
        found.sort(Comparator.comparing(o -> o.title(getLocale())));
        offerings.setItems(found);
    }

    /** The default questions again, with the background questions the checkboxes ask for. */
    void resetQuestions() {
        rows.clear();
        questionArea.removeAll();
        surveys.defaultQuestions(ageBand.getValue(), heardOf.getValue()).forEach(this::addRow);
    }

    private void addRow(Question q) {
        QuestionRow[] row = new QuestionRow[1];
        row[0] = new QuestionRow(q, () -> {
            rows.remove(row[0]);
            questionArea.remove(row[0]);
            renumber();
        });
        rows.add(row[0]);
        questionArea.add(row[0]);
        renumber();
    }

    private void renumber() {
        for (int i = 0; i < rows.size(); i++) {
            rows.get(i).number(i + 1);
        }
    }

    void save() {
        fields.values().forEach(f -> f.setInvalid(false));
        rows.forEach(QuestionRow::clearErrors);
        boolean all = Boolean.TRUE.equals(wholeTerm.getValue());
        if (term.getValue() == null) {
            term.setErrorMessage(getTranslation("survey.error.required"));
            term.setInvalid(true);
            status.setText(getTranslation("validation.summary"));
            return;
        }
        term.setInvalid(false);
        SurveyDraft draft = new SurveyDraft(titleKo.getValue(), titleEn.getValue(),
                rows.stream().map(QuestionRow::question).toList(),
                all ? List.of() : offerings.getValue().stream().map(Offering::id).toList(),
                all ? term.getValue().id() : null, timing.getValue(),
                opensAt.getValue() == null ? null : opensAt.getValue().atZone(SEOUL).toInstant(),
                closesAt.getValue() == null ? null : closesAt.getValue().atZone(SEOUL).toInstant());
        try {
            surveys.define(draft);
            getUI().ifPresent(ui -> ui.navigate(StaffSurveysView.class));
        } catch (InvalidInputException e) {
            StringBuilder elsewhere = new StringBuilder(getTranslation("validation.summary"));
            for (FieldProblem p : e.problems()) {
                HasValidation field = field(p.field());
                String message = getTranslation(p.messageKey(), p.arguments().toArray());
                if (field != null) {
                    field.setErrorMessage(message);
                    field.setInvalid(true);
                } else {
                    elsewhere.append(' ').append(message);
                }
            }
            status.setText(elsewhere.toString());
        }
    }

    private HasValidation field(String name) {
        if (name.startsWith("questions[")) {
            int end = name.indexOf(']');
            int i = Integer.parseInt(name.substring("questions[".length(), end));
            return i < rows.size() ? rows.get(i).field(name.substring(end + 2)) : null;
        }
        return "questions".equals(name) ? null : fields.get(name);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("survey.editor.title") + " | " + getTranslation("app.name");
    }
}
