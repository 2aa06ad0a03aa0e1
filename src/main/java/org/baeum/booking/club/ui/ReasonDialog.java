package org.baeum.booking.club.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.Map;
import java.util.function.Consumer;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.base.ui.FieldErrors;
import org.baeum.booking.club.LearningClubs;

/** Asks STAFF for the reason of a refusal (shown or mailed to the requester); refuses only with one. */
class ReasonDialog extends Dialog {

    final TextArea reason = new TextArea();
    final Button refuse = new Button();

    /**
     * @param what    what is refused, e.g. the club's name (in the title)
     * @param refusal refuses with the reason; an {@link InvalidInputException} is shown at the field
     */
    ReasonDialog(String what, Consumer<String> refusal, Runnable done) {
        setHeaderTitle(getTranslation("club.requests.refuseTitle", what));
        reason.setLabel(getTranslation("club.requests.reason"));
        reason.setMaxLength(LearningClubs.MAX_REASON);
        reason.setWidthFull();
        add(reason);
        refuse.setText(getTranslation("club.requests.refuse"));
        refuse.getElement().setAttribute("aria-label", getTranslation("club.requests.refuseNamed", what));
        refuse.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        refuse.addClickListener(e -> {
            try {
                refusal.accept(reason.getValue());
                close();
                done.run();
            } catch (InvalidInputException invalid) {
                FieldErrors.show(Map.of("reason", reason), invalid.problems(), this::getTranslation);
            }
        });
        getFooter().add(new Button(getTranslation("common.close"), e -> close()), refuse);
    }
}
