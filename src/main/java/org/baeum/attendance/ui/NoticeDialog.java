package org.baeum.attendance.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.baeum.attendance.notice.ClassNotices;
import org.baeum.base.domain.FieldProblem;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.catalog.OfferingId;
import org.springframework.security.access.AccessDeniedException;

/**
 * Writing a class notice (issue 16, point 7): subject and text, sent through {@link ClassNotices#send} to the
 * households of everyone enrolled. The service checks the caller and the lengths; a refused field shows the translated
 * reason at the field and nothing is sent. The send button is disabled while a send runs, and the service adds nothing
 * new for the same notice within the same minute, so a double click sends once.
 */
class NoticeDialog extends Dialog {

    final TextField subject = new TextField();
    final TextArea body = new TextArea();
    final Button send = new Button();
    private final transient ClassNotices notices;
    private final OfferingId offeringId;

    NoticeDialog(ClassNotices notices, OfferingId offeringId, String title) {
        this.notices = notices;
        this.offeringId = offeringId;
        addClassName("baeum-notice-dialog");
        setHeaderTitle(getTranslation("offeringTools.noticeTitle", title));
        setWidth("min(95vw, 36rem)");
        subject.setLabel(getTranslation("offeringTools.subject"));
        subject.setMaxLength(ClassNotices.MAX_SUBJECT);
        subject.setRequiredIndicatorVisible(true);
        subject.setWidthFull();
        body.setLabel(getTranslation("offeringTools.body"));
        body.setMaxLength(ClassNotices.MAX_BODY);
        body.setHelperText(getTranslation("offeringTools.bodyHelper", ClassNotices.MAX_BODY));
        body.setRequiredIndicatorVisible(true);
        body.setMinHeight("10rem");
        body.setWidthFull();
        add(new Paragraph(getTranslation("offeringTools.noticeLead")), subject, body);
        send.setText(getTranslation("offeringTools.send"));
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.setDisableOnClick(true);
        send.getStyle().set("min-height", "44px");
        send.addClickListener(e -> send());
        Button cancel = new Button(getTranslation("offeringTools.cancel"), e -> close());
        cancel.getStyle().set("min-height", "44px");
        getFooter().add(cancel, send);
    }

    void send() {
        subject.setInvalid(false);
        body.setInvalid(false);
        try {
            int households = notices.send(offeringId, subject.getValue(), body.getValue());
            close();
            Notification done = Notification.show(getTranslation(households == 0 ? "offeringTools.sentNone"
                    : "offeringTools.sent", households), 6000, Notification.Position.MIDDLE);
            done.addThemeVariants(households == 0 ? NotificationVariant.LUMO_WARNING : NotificationVariant.LUMO_SUCCESS);
        } catch (InvalidInputException invalid) {
            HasValidation first = null;
            for (FieldProblem p : invalid.problems()) {
                HasValidation field = "subject".equals(p.field()) ? subject : body;
                field.setErrorMessage(getTranslation(p.messageKey(), p.arguments().toArray()));
                field.setInvalid(true);
                first = first == null ? field : first;
            }
            if (first == subject) {
                subject.focus();
            } else if (first != null) {
                body.focus();
            }
        } catch (AccessDeniedException refused) { // no longer their class
            close();
            Notification.show(getTranslation("offeringTools.refused"), 8000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        } finally {
            send.setEnabled(true);
        }
    }
}
