package org.baeum.recruitment.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.baeum.account.Participant;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.base.ui.FieldErrors;
import org.baeum.catalog.OfferingId;
import org.baeum.recruitment.Application;
import org.baeum.recruitment.ApplicationRefusedException;
import org.baeum.recruitment.Applications;
import org.baeum.recruitment.Round;
import org.springframework.security.access.AccessDeniedException;

/**
 * A citizen's application to a round's lottery: for whom (themself, a dependant, or the whole household as one entry
 * that wins or loses together), and up to three ranked choices among the round's offerings. The service decides; its
 * refusals show at the field they concern or in the status line, and nothing is stored then. Success shows the
 * application number and when the result is announced.
 */
class ApplyForm extends Section {

    /** Whom an application covers: one participant, or (participant null) the whole household. */
    record Who(Participant participant, int householdSize) {
        boolean household() {
            return participant == null;
        }
    }

    private final transient Applications applications;
    private final Round round;
    private final Runnable applied;

    final Select<Who> who = new Select<>();
    final List<Select<OfferingId>> choices = new ArrayList<>();
    final Button submit = new Button();
    final Paragraph status = new Paragraph();
    final Div done = new Div();
    /** The last application made here (for tests). */
    Application last;

    ApplyForm(Applications applications, Round round, List<Participant> household, Map<OfferingId, String> offerings,
              Runnable applied) {
        this.applications = applications;
        this.round = round;
        this.applied = applied;
        addClassName("baeum-apply");
        H2 heading = new H2(getTranslation("rounds.apply.title"));
        heading.setId("baeum-apply-heading");
        getElement().setAttribute("aria-labelledby", heading.getId().orElseThrow());
        add(heading, new Paragraph(getTranslation("rounds.apply.intro", Applications.MAX_CHOICES,
                RoundTexts.announced(this, round))));

        List<Who> people = new ArrayList<>();
        List<Participant> active = household.stream().filter(Participant::active).toList();
        active.forEach(p -> people.add(new Who(p, 1)));
        if (active.size() > 1) {
            people.add(new Who(null, active.size()));
        }
        who.setLabel(getTranslation("rounds.apply.who"));
        who.setItems(people);
        who.setItemLabelGenerator(w -> w == null ? "" : w.household()
                ? getTranslation("rounds.apply.who.household", w.householdSize())
                : w.participant().self() ? getTranslation("rounds.apply.who.self", w.participant().name())
                : w.participant().name());
        people.stream().findFirst().ifPresent(who::setValue);
        who.setHelperText(getTranslation("rounds.apply.who.help"));
        who.setWidthFull();
        add(who);

        for (int i = 1; i <= Applications.MAX_CHOICES; i++) {
            Select<OfferingId> choice = new Select<>();
            choice.setLabel(getTranslation("rounds.apply.choice", i));
            choice.setItems(List.copyOf(offerings.keySet()));
            choice.setItemLabelGenerator(o -> o == null ? getTranslation("rounds.apply.choice.none")
                    : offerings.getOrDefault(o, o.value()));
            if (i == 1) {
                // said in words: the select's required indicator puts aria-required on its value button, a role
                // that does not allow it (axe: aria-allowed-attr)
                choice.setHelperText(getTranslation("rounds.apply.choice.required"));
            } else {
                choice.setEmptySelectionAllowed(true);
                choice.setEmptySelectionCaption(getTranslation("rounds.apply.choice.none"));
            }
            choice.setWidthFull();
            choice.addClassName("baeum-apply-choice");
            choices.add(choice);
            add(choice);
        }

        submit.setText(getTranslation("rounds.apply.submit"));
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClassName("baeum-apply-submit");
        submit.addClickListener(e -> apply());
        status.addClassName("baeum-apply-status");
        status.getElement().setAttribute("role", "status");
        status.getElement().setAttribute("tabindex", "-1");
        done.addClassName("baeum-apply-done");
        done.getElement().setAttribute("tabindex", "-1");
        done.setVisible(false);
        add(submit, status, done);
    }

    /** The choices in rank order, up to the last one made; a gap stays (null) so the service refuses it. */
    private List<OfferingId> chosen() {
        List<OfferingId> list = new ArrayList<>(choices.stream().map(Select::getValue).toList());
        while (!list.isEmpty() && list.getLast() == null) {
            list.removeLast();
        }
        return list;
    }

    void apply() {
        Map<String, Select<?>> fields = Map.of("choices", choiceAtFault(), "household", who);
        java.util.Map<String, Select<?>> all = new java.util.HashMap<>(Map.of("household", who));
        for (int i = 0; i < choices.size(); i++) {
            all.put("choice." + i, choices.get(i));
        }
        FieldErrors.clear(all);
        status.setText("");
        Who w = who.getValue();
        if (w == null) {
            return;
        }
        try {
            last = applications.apply(round.id(), w.household() ? null : w.participant().id(), chosen(), w.household());
        } catch (InvalidInputException e) {
            FieldErrors.show(fields, e.problems(), this::getTranslation);
            return;
        } catch (ApplicationRefusedException e) {
            say(getTranslation(e.messageKey()));
            return;
        } catch (AccessDeniedException e) {
            say(getTranslation("rounds.apply.denied"));
            return;
        }
        showDone(last);
        choices.forEach(c -> c.setValue(null));
        applied.run();
    }

    /** The select a "choices" refusal points at: the first gap or repeat, else the first choice. */
    private Select<OfferingId> choiceAtFault() {
        Set<OfferingId> seen = new HashSet<>();
        List<OfferingId> values = chosen();
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null || !seen.add(values.get(i))) {
                return choices.get(i);
            }
        }
        return choices.getFirst();
    }

    private void showDone(Application a) {
        done.removeAll();
        Span number = new Span(a.number());
        number.addClassName("baeum-application-number");
        number.getStyle().set("font-size", "var(--lumo-font-size-xxl)").set("font-weight", "700");
        Paragraph numberLine = new Paragraph(new Span(getTranslation("rounds.apply.number") + " "), number);
        done.add(new H3(getTranslation("rounds.apply.done", RoundTexts.announced(this, round))), numberLine,
                new Paragraph(getTranslation("rounds.apply.done.text")));
        done.setVisible(true);
        done.getElement().executeJs("this.focus()");
    }

    private void say(String text) {
        status.setText(text);
        status.getElement().executeJs("this.focus()");
    }
}
