package org.baeum.enrollment.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.baeum.base.domain.FieldProblem;
import org.baeum.base.ui.FieldErrors;
import org.baeum.enrollment.Enrollment;
import org.baeum.enrollment.EnrollmentDesk;
import org.baeum.enrollment.EnrollmentRefusedException;

/** Staff move a waiting entry to another place in line (1 to the line's length), with a reason kept in its history. */
class MoveDialog extends Dialog {

    final IntegerField position = new IntegerField();
    final TextField reason = new TextField();

    MoveDialog(EnrollmentDesk desk, Enrollment e, int size, Runnable afterwards) {
        setHeaderTitle(getTranslation("enrolDesk.moveTitle", e.participantName()));
        setWidth("min(95vw, 32rem)");
        position.setLabel(getTranslation("enrolDesk.position"));
        position.setHelperText(getTranslation("enrolDesk.positionHelper", size));
        position.setRequiredIndicatorVisible(true);
        reason.setLabel(getTranslation("enrolDesk.reason"));
        reason.setHelperText(getTranslation("enrolDesk.reasonHelper"));
        reason.setRequiredIndicatorVisible(true);
        reason.setMaxLength(500);
        reason.setWidthFull();
        add(new Paragraph(getTranslation("enrolDesk.moveCurrent", e.waitlistPosition())), position, reason);
        Map<String, HasValidation> fields = new LinkedHashMap<>();
        fields.put("position", position);
        fields.put("reason", reason);
        Button confirm = new Button(getTranslation("enrolDesk.move"), click -> {
            FieldErrors.clear(fields);
            List<FieldProblem> problems = new ArrayList<>();
            Integer to = position.getValue();
            if (to == null || to < 1 || to > size) {
                problems.add(FieldProblem.of("position", "enrolDesk.positionRange", size));
            }
            if (reason.getValue().isBlank()) {
                problems.add(FieldProblem.of("reason", "enrollment.refused.REASON_REQUIRED"));
            }
            if (!problems.isEmpty()) {
                FieldErrors.show(fields, problems, this::getTranslation);
                return;
            }
            try {
                desk.moveInWaitlist(e.id(), to, reason.getValue());
                close();
                Notices.success(getTranslation("enrolDesk.moved", e.participantName(), to));
            } catch (EnrollmentRefusedException refused) {
                if (refused.reason() == EnrollmentRefusedException.Reason.REASON_REQUIRED) {
                    FieldErrors.show(fields, List.of(FieldProblem.of("reason", refused.messageKey())), this::getTranslation);
                    return;
                }
                close();
                Notices.error(EnrollTexts.refusal(this, refused));
            }
            afterwards.run();
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("common.close"), click -> close()), confirm);
    }
}
