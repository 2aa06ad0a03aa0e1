package org.baeum.enrollment.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.shared.Registration;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.baeum.base.ui.Dialogs;
import org.baeum.base.domain.FieldProblem;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.base.i18n.Formats;
import org.baeum.base.ui.FieldErrors;
import org.baeum.catalog.CatalogService;
import org.baeum.catalog.CatalogValidationException;
import org.baeum.catalog.OfferingId;
import org.baeum.enrollment.OfferingDesk;
import org.baeum.enrollment.OfferingRules;
import org.baeum.enrollment.OfferingRulesDesk;
import org.baeum.enrollment.RefundBasis;

/**
 * The settings section of an offering's desk: capacity, how long offers hold a seat, the payment deadline, how a
 * refund is worked out, and cancelling the offering (폐강). After each change it fires {@link Changed}; the desk reads
 * itself again and hands the new state back through {@link #show}.
 */
class DeskSettings extends Section {

    private final transient OfferingRulesDesk offeringRules;
    private final transient CatalogService catalog;
    private OfferingId offeringId;
    private OfferingDesk desk;
    final IntegerField capacity = new IntegerField();
    final Button saveCapacity = new Button();
    final IntegerField offerHold = new IntegerField();
    final DateTimePicker paymentDeadline = new DateTimePicker();
    final Select<RefundBasis> refundBasis = new Select<>();
    final Button saveRules = new Button();
    final Button cancelOffering = new Button();
    final TextArea cancelReason = new TextArea();
    /** The cancellation dialog while it is open, for tests. */
    Dialog dialog;

    /** Something changed: the desk reads itself again. */
    static class Changed extends ComponentEvent<DeskSettings> {
        Changed(DeskSettings source) {
            super(source, false);
        }
    }

    DeskSettings(OfferingRulesDesk offeringRules, CatalogService catalog) {
        this.offeringRules = offeringRules;
        this.catalog = catalog;
        setWidthFull();
        capacity.setLabel(getTranslation("enrolDesk.capacity"));
        saveCapacity.setText(getTranslation("enrolDesk.saveCapacity"));
        saveCapacity.addClickListener(e -> saveCapacity());
        offerHold.setLabel(getTranslation("enrolDesk.offerHold"));
        offerHold.setHelperText(getTranslation("enrolDesk.offerHoldHelper"));
        paymentDeadline.setLabel(getTranslation("enrolDesk.paymentDeadline"));
        paymentDeadline.setHelperText(getTranslation("enrolDesk.paymentDeadlineHelper"));
        refundBasis.setLabel(getTranslation("enrolDesk.refundBasis"));
        refundBasis.setItems(RefundBasis.values());
        refundBasis.setItemLabelGenerator(b -> getTranslation(b.messageKey()));
        refundBasis.setWidth("min(100%, 28rem)");
        saveRules.setText(getTranslation("enrolDesk.saveRules"));
        saveRules.addClickListener(e -> saveRules());
        cancelOffering.setText(getTranslation("enrolDesk.cancelOffering"));
        cancelOffering.addThemeVariants(ButtonVariant.LUMO_ERROR);
        cancelOffering.addClickListener(e -> askCancel());
        HorizontalLayout capacityRow = new HorizontalLayout(capacity, saveCapacity);
        capacityRow.setAlignItems(FlexComponent.Alignment.BASELINE);
        HorizontalLayout rulesRow = new HorizontalLayout(offerHold, paymentDeadline, refundBasis, saveRules);
        rulesRow.setAlignItems(FlexComponent.Alignment.BASELINE);
        rulesRow.setWrap(true);
        add(new H2(getTranslation("enrolDesk.settings")), capacityRow, rulesRow, cancelOffering);
    }

    Registration addChangedListener(ComponentEventListener<Changed> listener) {
        return addListener(Changed.class, listener);
    }

    /** Shows the desk as it is now. */
    void show(OfferingId offeringId, OfferingDesk desk) {
        this.offeringId = offeringId;
        this.desk = desk;
        capacity.setValue(desk.capacity());
        offerHold.setValue((int) Math.max(1, desk.rules().offerHold().toHours()));
        paymentDeadline.setValue(desk.rules().paymentDeadline() == null ? null
                : LocalDateTime.ofInstant(desk.rules().paymentDeadline(), Formats.SEOUL));
        refundBasis.setValue(desk.rules().refundBasis());
        FieldErrors.clear(Map.of("capacity", capacity, "offerHold", offerHold, "paymentDeadline", paymentDeadline));
    }

    void saveCapacity() {
        Map<String, HasValidation> fields = Map.of("capacity", capacity);
        FieldErrors.clear(fields);
        Integer wanted = capacity.getValue();
        if (wanted == null) {
            FieldErrors.show(fields, List.of(FieldProblem.of("capacity", "validation.required")), this::getTranslation);
            return;
        }
        int before = desk.capacity();
        int offersBefore = desk.offers().size();
        try {
            catalog.changeCapacity(offeringId, wanted);
        } catch (CatalogValidationException invalid) {
            FieldErrors.show(fields, invalid.problems(), this::getTranslation);
            return;
        }
        fireEvent(new Changed(this)); // the desk reads itself again and shows it here (show)
        if (wanted == before) {
            Notices.success(getTranslation("enrolDesk.capacityUnchanged"));
        } else {
            Notices.success(getTranslation("enrolDesk.capacitySaved", wanted, Math.max(0, desk.offers().size() - offersBefore)));
        }
    }

    void saveRules() {
        Map<String, HasValidation> fields = Map.of("offerHold", offerHold, "paymentDeadline", paymentDeadline);
        FieldErrors.clear(fields);
        Integer hours = offerHold.getValue();
        Instant deadline = paymentDeadline.getValue() == null ? null : paymentDeadline.getValue().atZone(Formats.SEOUL).toInstant();
        try { // the service refuses a deadline in the past or not before the first session, at the field
            offeringRules.saveRules(offeringId, new OfferingRules(hours == null ? null : Duration.ofHours(hours), deadline,
                    refundBasis.getValue()));
        } catch (InvalidInputException invalid) {
            FieldErrors.show(fields, invalid.problems(), this::getTranslation);
            return;
        }
        fireEvent(new Changed(this));
        Notices.success(getTranslation("enrolDesk.rulesSaved"));
    }

    /** 폐강: asks for the reason (it goes into every household's mail), then cancels the offering. */
    void askCancel() {
        Dialog d = new Dialog(getTranslation("enrolDesk.cancelOfferingTitle", desk.offering().title(getLocale())));
        d.setWidth("min(95vw, 34rem)");
        cancelReason.clear();
        cancelReason.setLabel(getTranslation("enrolDesk.reason"));
        cancelReason.setHelperText(getTranslation("enrolDesk.cancelOfferingHelper"));
        cancelReason.setRequiredIndicatorVisible(true);
        cancelReason.setMaxLength(500);
        cancelReason.setWidthFull();
        d.add(new Paragraph(getTranslation("enrolDesk.cancelOfferingText", desk.taken(), desk.waitlist().size())),
                cancelReason);
        Button confirm = new Button(getTranslation("enrolDesk.cancelOfferingConfirm"), click -> cancel(d));
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        d.getFooter().add(new Button(getTranslation("common.close"), click -> d.close()), confirm);
        dialog = Dialogs.openIn(this, d);
    }

    private void cancel(Dialog d) {
        Map<String, HasValidation> fields = Map.of("reason", cancelReason);
        FieldErrors.clear(fields);
        try {
            catalog.cancel(offeringId, cancelReason.getValue());
        } catch (CatalogValidationException invalid) {
            FieldErrors.show(fields, invalid.problems(), this::getTranslation);
            return;
        }
        d.close();
        fireEvent(new Changed(this));
        Notices.success(getTranslation("enrolDesk.offeringCancelled"));
    }
}
