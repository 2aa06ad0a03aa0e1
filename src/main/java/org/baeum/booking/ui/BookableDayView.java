package org.baeum.booking.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import org.baeum.account.HouseholdService;
import org.baeum.account.ParticipantId;
import org.baeum.base.i18n.Formats;
import org.baeum.base.security.Role;
import org.baeum.booking.Bookable;
import org.baeum.booking.Bookables;
import org.baeum.booking.Booking;
import org.baeum.booking.BookingRefusedException;
import org.baeum.booking.BookingStatus;
import org.baeum.booking.Bookings;

/**
 * A resource's day of bookings for the desk (STAFF/ADMIN): who booked (access-logged by the service), the code
 * masked as the service gives it (the whole code is the booker's; the desk finds a booking by it), the status,
 * check-in, approval of requests and cancelling.
 */
@Route("staff/bookables/:id/day")
@RolesAllowed({Role.STAFF_NAME, Role.ADMIN_NAME})
class BookableDayView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final Bookables bookables;
    private final Bookings bookings;
    private final HouseholdService households;
    private final Clock clock;
    final H1 title = new H1();
    final DatePicker date = new DatePicker();
    final UnorderedList list = new UnorderedList();
    final Paragraph status = new Paragraph();
    Bookable bookable;

    BookableDayView(Bookables bookables, Bookings bookings, HouseholdService households, Clock clock) {
        this.bookables = bookables;
        this.bookings = bookings;
        this.households = households;
        this.clock = clock;
        addClassName("baeum-bookable-day");
        date.setLabel(getTranslation("booking.date"));
        date.addValueChangeListener(e -> refresh());
        status.getElement().setAttribute("role", "status");
        add(title, new RouterLink(getTranslation("booking.staff.back"), StaffBookablesView.class), date, status, list);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        bookable = event.getRouteParameters().get("id").flatMap(bookables::bookable).orElse(null);
        if (bookable == null) {
            title.setText(getTranslation("booking.staff.unknown"));
            date.setVisible(false);
            return;
        }
        title.setText(getTranslation("booking.staff.dayTitle", bookable.name(getLocale())));
        date.setValue(LocalDate.now(clock.withZone(Formats.SEOUL)));
    }

    void refresh() {
        list.removeAll();
        if (bookable == null || date.getValue() == null) {
            return;
        }
        var day = bookings.ofDay(bookable.id(), date.getValue());
        if (day.isEmpty()) {
            list.add(new ListItem(getTranslation("booking.staff.noBookings")));
        }
        for (Booking b : day) {
            list.add(row(b));
        }
    }

    private ListItem row(Booking b) {
        String who = households.participant(new ParticipantId(b.participantId())).name();
        ListItem item = new ListItem(new Span(getTranslation("booking.staff.dayRow", BookingTexts.span(b.start(), b.end()),
                who, BookingTexts.status(b), b.code())));
        item.addClassName("baeum-day-booking");
        Div actions = new Div();
        actions.addClassNames(LumoUtility.Display.INLINE_FLEX, LumoUtility.Gap.SMALL, LumoUtility.Margin.Left.SMALL);
        if (b.status() == BookingStatus.REQUESTED) {
            actions.add(action("booking.staff.approve", who, () -> bookings.approve(b.id())));
        }
        if (b.status() == BookingStatus.CONFIRMED) {
            actions.add(action("booking.staff.checkIn", who, () -> bookings.checkIn(b.id())));
        }
        if (b.status().active()) {
            actions.add(action("booking.staff.cancel", who, () -> bookings.cancel(b.id())));
        }
        item.add(actions);
        return item;
    }

    private Button action(String key, String who, Runnable work) {
        Button button = new Button(getTranslation(key), e -> {
            try {
                work.run();
                status.setText(getTranslation(key + ".done", who));
            } catch (BookingRefusedException refused) {
                status.setText(BookingTexts.refusal(refused, getLocale()));
            }
            refresh();
        });
        button.setAriaLabel(getTranslation(key + ".label", who));
        return button;
    }

    @Override
    public String getPageTitle() {
        return title.getText() + " | " + getTranslation("app.name");
    }
}
