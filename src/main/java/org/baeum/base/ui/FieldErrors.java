package org.baeum.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.baeum.base.domain.FieldProblem;

/** Shows the service's problems at the fields they concern, translated; clears them before each save. */
public final class FieldErrors {

    private FieldErrors() {
    }

    public static void clear(Map<String, ? extends HasValidation> fields) {
        fields.values().forEach(f -> {
            f.setInvalid(false);
            f.setErrorMessage(null);
        });
    }

    public static void show(Map<String, ? extends HasValidation> fields, List<FieldProblem> problems,
                     BiFunction<String, Object[], String> translate) {
        StringBuilder unplaced = new StringBuilder();
        for (FieldProblem problem : problems) {
            String message = translate.apply(problem.messageKey(), problem.arguments().toArray());
            HasValidation field = fields.get(problem.field());
            if (field == null) {
                unplaced.append(message).append(' ');
                continue;
            }
            field.setErrorMessage(field.isInvalid() && field.getErrorMessage() != null
                    ? field.getErrorMessage() + " " + message : message);
            field.setInvalid(true);
        }
        fields.entrySet().stream().filter(e -> e.getValue().isInvalid()).findFirst()
                .ifPresent(e -> ((Component) e.getValue()).getElement().callJsFunction("focus"));
        if (!unplaced.isEmpty()) {
            Notification.show(unplaced.toString().strip(), 8000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }
}
