package org.baeum.enrollment.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import java.util.function.Consumer;
import org.baeum.enrollment.ClassReminders;
import org.baeum.enrollment.Enrollment;

/**
 * The "remind me the day before every session" switch of a class on My learning (decision 0049): the first session is
 * always reminded; this adds the later ones. The service checks that the entry is the household's own.
 */
class ReminderSwitch extends Checkbox {

    ReminderSwitch(ClassReminders reminders, Enrollment e, Consumer<String> say) {
        setLabel(getTranslation("enrollment.reminders.everySession"));
        setAriaLabel(getTranslation("enrollment.reminders.everySession") + " – " + e.offeringTitle(getLocale()));
        addClassName("baeum-learning-reminders");
        setValue(reminders.everySession(e.id()));
        addValueChangeListener(change -> {
            if (change.isFromClient()) {
                reminders.setEverySession(e.id(), change.getValue());
                say.accept(getTranslation(change.getValue() ? "enrollment.reminders.everySession.on"
                        : "enrollment.reminders.everySession.off"));
            }
        });
    }
}
