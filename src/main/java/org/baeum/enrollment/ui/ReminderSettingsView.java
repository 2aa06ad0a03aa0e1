package org.baeum.enrollment.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.base.security.Role;
import org.baeum.base.ui.FieldErrors;
import org.baeum.enrollment.ClassReminders;

/**
 * STAFF set the hour of the evening before a session at which class reminders go out (decision 0049; 18:00 until
 * changed). The coming days' reminders not sent yet move to the new hour.
 */
@Route("staff/class-reminders")
@RolesAllowed({Role.STAFF_NAME, Role.ADMIN_NAME})
@Menu(order = 97.5, title = "nav.classReminders", icon = "vaadin:bell")
class ReminderSettingsView extends VerticalLayout implements HasDynamicTitle {

    private final transient ClassReminders reminders;
    final IntegerField hour = new IntegerField();
    final Button save = new Button();
    final Paragraph status = new Paragraph();

    ReminderSettingsView(ClassReminders reminders) {
        this.reminders = reminders;
        addClassName("baeum-class-reminders");
        hour.setLabel(getTranslation("enrollment.reminders.settings.hour"));
        hour.setMin(0);
        hour.setMax(23);
        hour.setStepButtonsVisible(true);
        hour.setValue(reminders.reminderHour());
        save.setText(getTranslation("enrollment.reminders.settings.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> save());
        status.getElement().setAttribute("role", "status");
        HorizontalLayout row = new HorizontalLayout(hour, save);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(new H1(getTranslation("enrollment.reminders.settings.title")),
                new Paragraph(getTranslation("enrollment.reminders.settings.intro")), row, status);
    }

    void save() {
        Map<String, IntegerField> fields = Map.of("hour", hour);
        FieldErrors.clear(fields);
        try {
            int value = hour.getValue() == null ? -1 : hour.getValue();
            reminders.changeReminderHour(value);
            status.setText(getTranslation("enrollment.reminders.settings.saved", value));
        } catch (InvalidInputException bad) {
            FieldErrors.show(fields, bad.problems(), this::getTranslation);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("enrollment.reminders.settings.title") + " | " + getTranslation("app.name");
    }
}
