package org.baeum.attendance.degree.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Locale;
import org.baeum.attendance.degree.DegreeAward;
import org.baeum.attendance.degree.DegreeProgress;
import org.baeum.attendance.degree.Degrees;
import org.baeum.attendance.degree.DegreeRuleSet;
import org.baeum.base.i18n.Formats;

/**
 * One participant's degree progress, for the transcript (read only) and the staff desk (with the output approval and
 * the award for the next level when {@code actions} is given).
 */
public class DegreeCard extends Composite<Section> {

    /** What the staff desk does with the card's buttons; a refusal shows in {@code message} (or at the field). */
    interface Actions {
        void approve(DegreeProgress p, TextField description, Paragraph message);

        void award(DegreeProgress p, Paragraph message);
    }

    final TextField description = new TextField();
    final Button approve = new Button();
    final Button award = new Button();
    final Paragraph message = new Paragraph();

    DegreeCard(DegreeProgress p, DegreeRuleSet rule, Actions actions) {
        Section s = getContent();
        s.addClassName("baeum-degree-card");
        Locale locale = getLocale();
        H3 name = new H3(p.name());
        Paragraph hours = new Paragraph(getTranslation("degreeProgress.hours", p.name(), Degrees.hours(p.hours())));
        hours.addClassName("baeum-degree-hours");
        Paragraph next = new Paragraph(nextText(p));
        next.addClassName("baeum-degree-next");
        s.add(name, hours, next);
        if (!p.awards().isEmpty() || !p.outputs().isEmpty()) {
            UnorderedList list = new UnorderedList();
            for (DegreeAward a : p.awards()) {
                ListItem li = new ListItem(getTranslation("degreeProgress.awarded",
                        getTranslation(a.level().messageKey()), Formats.date(a.awardedOn(), locale), a.ruleVersion()));
                li.addClassName("baeum-degree-awarded");
                list.add(li);
            }
            p.outputs().forEach(o -> list.add(new ListItem(getTranslation("staffDegrees.outputOf",
                    getTranslation(o.level().messageKey()), o.description(), Formats.date(o.approvedOn(), locale)))));
            s.add(list);
        }
        if (actions == null || p.nextLevel() == null) {
            return;
        }
        String level = getTranslation(p.nextLevel().messageKey());
        HorizontalLayout bar = new HorizontalLayout();
        bar.setWrap(true);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        if (rule.of(p.nextLevel()).outputRequired() && !p.outputApproved(p.nextLevel())) {
            // the participant's name in the label and the button's name: several cards may be open at once (WCAG 2.5.3)
            description.setLabel(getTranslation("staffDegrees.descriptionOf", p.name()));
            description.setHelperText(getTranslation("staffDegrees.description.helper", Degrees.MAX_DESCRIPTION));
            description.setMaxLength(Degrees.MAX_DESCRIPTION);
            approve.setText(getTranslation("staffDegrees.approve", level));
            approve.getElement().setAttribute("aria-label", getTranslation("staffDegrees.approveOf", level, p.name()));
            approve.addClickListener(e -> actions.approve(p, description, message));
            bar.add(description, approve);
        }
        award.setText(getTranslation("staffDegrees.award", level));
        award.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        award.getElement().setAttribute("aria-label", getTranslation("staffDegrees.award", level) + " – " + p.name());
        award.addClickListener(e -> actions.award(p, message));
        bar.add(award);
        message.addClassName("baeum-degree-message");
        message.getElement().setAttribute("role", "alert");
        s.add(bar, message);
    }

    private String nextText(DegreeProgress p) {
        if (p.nextLevel() == null) {
            return getTranslation("degreeProgress.complete");
        }
        String level = getTranslation(p.nextLevel().messageKey());
        String text = p.hoursNeeded() > 0
                ? getTranslation("degreeProgress.next", level, Degrees.hours(p.hoursNeeded()))
                : p.outputMissing() ? "" : getTranslation("degreeProgress.ready", level);
        return p.outputMissing() ? (text + " " + getTranslation("degreeProgress.outputMissing", level)).strip() : text;
    }

    /** A read-only card, for the learning history. */
    public static DegreeCard of(DegreeProgress p, DegreeRuleSet rule) {
        return new DegreeCard(p, rule, null);
    }
}
