package org.baeum.booking.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.List;
import org.baeum.account.Participant;
import org.baeum.booking.Bookable;
import org.baeum.booking.Booking;
import org.baeum.booking.BookingRefusal;
import org.baeum.booking.BookingRefusedException;
import org.baeum.booking.BookingRequest;
import org.baeum.booking.BookingStatus;
import org.baeum.booking.Bookings;
import org.baeum.booking.Slot;

/**
 * Confirms a booking: who uses it (a household with dependants chooses), the group and purpose for rooms; then books
 * and shows the code for the desk, or the refusal (at the group size field, else above the buttons).
 */
class BookingDialog extends Dialog {

    final Select<Participant> participant = new Select<>();
    final IntegerField groupSize = new IntegerField();
    final TextField purpose = new TextField();
    final Paragraph problem = new Paragraph();
    final Button confirm = new Button();
    Booking booked;

    BookingDialog(Bookable bookable, Slot slot, List<Participant> household, Bookings bookings, Runnable afterBooking) {
        addClassName("baeum-booking-dialog");
        setHeaderTitle(getTranslation("booking.dialog.title"));
        add(new Paragraph(getTranslation("booking.dialog.summary", bookable.name(getLocale()),
                BookingTexts.day(slot.date(), getLocale()), BookingTexts.span(slot.start(), slot.end()))));
        if (household.size() > 1) {
            participant.setLabel(getTranslation("booking.dialog.participant"));
            participant.setItems(household);
            participant.setItemLabelGenerator(Participant::name);
            participant.setValue(household.getFirst());
            add(participant);
        }
        if (bookable.kind().forGroups()) {
            groupSize.setLabel(getTranslation("booking.dialog.groupSize"));
            groupSize.setHelperText(getTranslation("booking.dialog.groupHelp", bookable.rules().minGroup(),
                    bookable.rules().maxGroup()));
            groupSize.setStepButtonsVisible(true);
            groupSize.setValue(Math.max(1, bookable.rules().minGroup()));
            purpose.setLabel(getTranslation("booking.dialog.purpose"));
            purpose.setMaxLength(200);
            add(groupSize, purpose);
        }
        if (bookable.kind().approvedByStaff()) {
            add(new Paragraph(getTranslation("booking.dialog.approval")));
        }
        problem.addClassName("baeum-booking-problem");
        problem.getElement().setAttribute("role", "alert");
        problem.setVisible(false);
        add(problem);

        Button cancel = new Button(getTranslation("booking.dialog.back"), e -> close());
        confirm.setText(getTranslation("booking.dialog.confirm"));
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.addClickListener(e -> book(bookable, slot, bookings, afterBooking));
        getFooter().add(cancel, confirm);
    }

    private void book(Bookable bookable, Slot slot, Bookings bookings, Runnable afterBooking) {
        groupSize.setInvalid(false);
        problem.setVisible(false);
        String who = participant.getValue() == null || participant.getValue().self() ? null
                : participant.getValue().id().value();
        int group = bookable.kind().forGroups() && groupSize.getValue() != null ? groupSize.getValue() : 0;
        String why = bookable.kind().forGroups() && !purpose.getValue().isBlank() ? purpose.getValue().strip() : null;
        try {
            booked = bookings.book(new BookingRequest(bookable.id(), slot.date(), slot.start(), null, who, group, why));
        } catch (BookingRefusedException e) {
            String text = BookingTexts.refusal(e, getLocale());
            if (e.reason() == BookingRefusal.GROUP_SIZE && bookable.kind().forGroups()) {
                groupSize.setErrorMessage(text);
                groupSize.setInvalid(true);
            } else {
                problem.setText(text);
                problem.setVisible(true);
            }
            return;
        }
        afterBooking.run();
        showCode();
    }

    private void showCode() {
        removeAll();
        getFooter().removeAll();
        setHeaderTitle(getTranslation(booked.status() == BookingStatus.REQUESTED ? "booking.done.requested"
                : "booking.done.title"));
        Span code = new Span(booked.code());
        code.addClassNames("baeum-booking-code", LumoUtility.FontSize.XXXLARGE, LumoUtility.FontWeight.BOLD);
        Paragraph codeLine = new Paragraph(new Span(getTranslation("booking.done.code") + " "), code);
        codeLine.getElement().setAttribute("role", "status");
        add(codeLine, new Paragraph(getTranslation("booking.done.desk")));
        Button mine = new Button(getTranslation("booking.done.mine"), e -> {
            close();
            UI.getCurrent().navigate("my/bookings");
        });
        mine.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("booking.done.close"), e -> close()), mine);
        mine.focus();
    }
}
