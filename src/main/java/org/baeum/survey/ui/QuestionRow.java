package org.baeum.survey.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.baeum.survey.Question;
import org.baeum.survey.QuestionType;

/**
 * One question in the survey editor: id, type, scale (4 or 5), the texts in both languages, the labels of the points
 * (comma separated, one per point), whether it is rated (a satisfaction scale) and required, and a button to remove it.
 */
class QuestionRow extends Section {

    final TextField id = new TextField();
    final Select<QuestionType> type = new Select<>();
    final Select<Integer> scale = new Select<>();
    final TextField textKo = new TextField();
    final TextField textEn = new TextField();
    final TextField labelsKo = new TextField();
    final TextField labelsEn = new TextField();
    final Checkbox rated = new Checkbox();
    final Checkbox required = new Checkbox();
    final Button remove = new Button();
    private final H3 heading = new H3();

    QuestionRow(Question q, Runnable onRemove) {
        addClassName("baeum-survey-question");
        id.setLabel(getTranslation("survey.editor.questionId"));
        id.setMaxLength(20);
        type.setLabel(getTranslation("survey.editor.type"));
        type.setItems(QuestionType.values());
        type.setItemLabelGenerator(t -> getTranslation("survey.type." + t.name()));
        scale.setLabel(getTranslation("survey.editor.scale"));
        scale.setItems(4, 5);
        textKo.setLabel(getTranslation("survey.editor.textKo"));
        textEn.setLabel(getTranslation("survey.editor.textEn"));
        labelsKo.setLabel(getTranslation("survey.editor.labelsKo"));
        labelsEn.setLabel(getTranslation("survey.editor.labelsEn"));
        labelsKo.setHelperText(getTranslation("survey.editor.labelsHelp"));
        rated.setLabel(getTranslation("survey.editor.rated"));
        required.setLabel(getTranslation("survey.editor.required"));
        remove.setText(getTranslation("survey.editor.remove"));
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        remove.addClickListener(e -> onRemove.run());
        type.addValueChangeListener(e -> showForType());
        id.setValue(q.id());
        type.setValue(q.type());
        scale.setValue(q.type() == QuestionType.SCALE ? q.scale() : 5);
        textKo.setValue(nullToEmpty(q.textKo()));
        textEn.setValue(nullToEmpty(q.textEn()));
        labelsKo.setValue(String.join(", ", q.labelsKo()));
        labelsEn.setValue(String.join(", ", q.labelsEn()));
        rated.setValue(q.rated());
        required.setValue(q.required());
        FormLayout form = new FormLayout(id, type, scale, textKo, textEn, labelsKo, labelsEn, rated, required);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("36em", 3));
        form.setColspan(textKo, 3);
        form.setColspan(textEn, 3);
        form.setColspan(labelsKo, 3);
        form.setColspan(labelsEn, 3);
        add(heading, form, remove);
        showForType();
    }

    void number(int n) {
        heading.setText(getTranslation("survey.editor.question", n));
    }

    private void showForType() {
        boolean isScale = type.getValue() == QuestionType.SCALE;
        scale.setVisible(isScale);
        labelsKo.setVisible(isScale);
        labelsEn.setVisible(isScale);
        rated.setVisible(isScale);
    }

    Question question() {
        boolean isScale = type.getValue() == QuestionType.SCALE;
        return new Question(id.getValue().strip(), type.getValue() == null ? QuestionType.SCALE : type.getValue(),
                isScale && scale.getValue() != null ? scale.getValue() : 0, isScale && rated.getValue(),
                required.getValue(), textKo.getValue().strip(), textEn.getValue().strip(),
                isScale ? split(labelsKo.getValue()) : List.of(), isScale ? split(labelsEn.getValue()) : List.of());
    }

    /** The field of a problem's field name after {@code questions[i].}, or null. */
    HasValidation field(String name) {
        return Map.<String, HasValidation>of("id", id, "textKo", textKo, "textEn", textEn, "scale", scale,
                "labelsKo", labelsKo, "labelsEn", labelsEn).get(name);
    }

    void clearErrors() {
        List.of(id, textKo, textEn, labelsKo, labelsEn).forEach(f -> f.setInvalid(false));
        scale.setInvalid(false);
    }

    private static List<String> split(String labels) {
        return labels.isBlank() ? List.of() : Arrays.stream(labels.split(",")).map(String::strip).toList();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
