package org.baeum.survey.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.baeum.base.domain.FieldProblem;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.base.i18n.Formats;
import org.baeum.survey.Question;
import org.baeum.survey.QuestionType;
import org.baeum.survey.SurveyAnswers;
import org.baeum.survey.SurveyForm;
import org.baeum.survey.SurveyLinkException;

/**
 * Where a survey invitation's link leads ({@code /survey?token=…}, decision 0051): the questions, each a labelled group
 * of radio buttons (arrow keys move between points) or a text area, and one button that sends. The answer given
 * through the link before is filled in and can be changed until the close. A changed link or a closed survey gets a
 * page that says so and stores nothing; a problem at a question is said at that question. No sign-in is needed: the
 * link is the proof, and the answer is stored without the person.
 */
@Route("survey")
@AnonymousAllowed
class SurveyAnswerView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final transient SurveyAnswers surveys;
    private String token = "";
    /** The field of each question, by question id (for tests and errors). */
    final Map<String, HasValue<?, ?>> fields = new LinkedHashMap<>();
    final Button send = new Button();
    final Div status = new Div();
    /** What the page shows: the form, or the problem with the link; for tests. */
    SurveyLinkException.Problem problem;

    SurveyAnswerView(SurveyAnswers surveys) {
        this.surveys = surveys;
        addClassName("baeum-form-page");
        send.setText(getTranslation("survey.answer.send"));
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.addClickListener(e -> send());
        status.getElement().setAttribute("role", "status");
        status.getElement().setAttribute("aria-live", "polite");
        status.addClassName("baeum-survey-status");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        token = event.getLocation().getQueryParameters().getSingleParameter("token").orElse("");
        removeAll();
        fields.clear();
        try {
            show(surveys.form(token));
        } catch (SurveyLinkException e) {
            refused(e);
        }
    }

    private void show(SurveyForm form) {
        problem = null;
        add(new H1(form.title(getLocale())),
                new Paragraph(getTranslation("survey.answer.class", form.offeringTitle(getLocale()))),
                new Paragraph(getTranslation("survey.answer.anonymous")),
                new Paragraph(getTranslation("survey.answer.closes", Formats.dateTime(form.closesAt(), getLocale()))));
        for (Question q : form.questions()) {
            Object given = form.answers().get(q.id());
            if (q.type() == QuestionType.SCALE) {
                RadioButtonGroup<Integer> group = new RadioButtonGroup<>(q.text(getLocale()));
                List<String> labels = q.labels(getLocale());
                group.setItems(IntStream.rangeClosed(1, q.scale()).boxed().toList());
                group.setItemLabelGenerator(p -> p + " · " + (p - 1 < labels.size() ? labels.get(p - 1) : ""));
                group.setRequiredIndicatorVisible(q.required());
                group.addClassName("baeum-survey-scale");
                group.getElement().setAttribute("data-question", q.id());
                if (given instanceof Integer point) {
                    group.setValue(point);
                }
                fields.put(q.id(), group);
                add(group);
            } else {
                TextArea text = new TextArea(q.text(getLocale()));
                text.setMaxLength(Question.MAX_TEXT);
                text.setWidthFull();
                text.getElement().setAttribute("data-question", q.id());
                if (given instanceof String s) {
                    text.setValue(s);
                }
                fields.put(q.id(), text);
                add(text);
            }
        }
        if (form.answered()) {
            status.setText(getTranslation("survey.answer.given"));
        }
        add(send, status);
    }

    void send() {
        Map<String, Object> answers = new LinkedHashMap<>();
        fields.forEach((id, field) -> {
            ((HasValidation) field).setInvalid(false);
            Object v = field.getValue();
            if (v != null && !(v instanceof String s && s.isBlank())) {
                answers.put(id, v);
            }
        });
        try {
            surveys.answer(token, answers);
            status.setText(getTranslation("survey.answer.saved"));
        } catch (InvalidInputException e) {
            HasValidation first = null;
            for (FieldProblem p : e.problems()) {
                HasValidation field = (HasValidation) fields.get(p.field());
                if (field != null) {
                    field.setErrorMessage(getTranslation(p.messageKey(), p.arguments().toArray()));
                    field.setInvalid(true);
                    first = first == null ? field : first;
                }
            }
            status.setText(getTranslation("validation.summary"));
            if (first instanceof com.vaadin.flow.component.Focusable<?> f) {
                f.focus();
            }
        } catch (SurveyLinkException e) {
            removeAll();
            fields.clear();
            refused(e);
        }
    }

    private void refused(SurveyLinkException e) {
        problem = e.problem();
        Div page = new Div();
        page.getElement().setAttribute("role", "status");
        page.addClassName("baeum-link-result");
        page.add(new H1(getTranslation(e.messageKey() + ".title")), new Paragraph(getTranslation(e.messageKey())),
                new Anchor("my/learning", getTranslation("survey.answer.toLearning")));
        add(page);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("survey.answer.pageTitle") + " | " + getTranslation("app.name");
    }
}
