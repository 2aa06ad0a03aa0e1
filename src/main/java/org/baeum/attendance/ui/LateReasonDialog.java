package org.baeum.attendance.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.function.Consumer;
import org.baeum.attendance.Attendance;

/**
 * Asks STAFF why they change marks of a session more than {@link Attendance#EDIT_DAYS} days old (the service refuses
 * such a change without a reason and keeps the reason in the session's history). An empty reason is refused at the
 * field; "저장" hands the reason to the page, which saves the waiting marks with it; "취소" leaves them unsaved.
 */
class LateReasonDialog extends Dialog {

    final TextArea reason = new TextArea();
    final Button save = new Button();

    /**
     * @param problem the service's message to show at the field at once (a reason it refused), or null
     */
    LateReasonDialog(String date, String problem, Consumer<String> given) {
        addClassName("baeum-late-reason");
        setHeaderTitle(getTranslation("attendancePage.reasonTitle", date));
        setWidth("min(95vw, 32rem)");
        reason.setLabel(getTranslation("attendancePage.reason"));
        reason.setMaxLength(Attendance.MAX_REASON);
        reason.setRequiredIndicatorVisible(true);
        reason.setWidthFull();
        if (problem != null) {
            reason.setErrorMessage(problem);
            reason.setInvalid(true);
        }
        add(new Paragraph(getTranslation("attendancePage.reasonLead", Attendance.EDIT_DAYS)), reason);
        save.setText(getTranslation("attendancePage.reasonSave"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.getStyle().set("min-height", "44px");
        save.addClickListener(e -> {
            String text = reason.getValue() == null ? "" : reason.getValue().strip();
            if (text.isEmpty()) {
                reason.setErrorMessage(getTranslation("attendance.validation.reasonRequired", Attendance.EDIT_DAYS));
                reason.setInvalid(true);
                reason.focus();
                return;
            }
            close();
            given.accept(text);
        });
        Button cancel = new Button(getTranslation("attendancePage.reasonCancel"), e -> close());
        cancel.getStyle().set("min-height", "44px");
        getFooter().add(cancel, save);
    }
}
