package org.baeum.booking.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.Uses;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.baeum.account.HouseholdService;
import org.baeum.account.Participant;
import org.baeum.base.i18n.Formats;
import org.baeum.base.security.Role;
import org.baeum.base.desk.QrCodes;
import org.baeum.booking.Bookable;
import org.baeum.booking.Bookables;
import org.baeum.booking.Booking;
import org.baeum.booking.BookingRefusedException;
import org.baeum.booking.BookingStatus;
import org.baeum.booking.Bookings;
import org.baeum.booking.NoShowRule;
import org.baeum.booking.Standing;

/**
 * 내 예약 (My bookings): the household's upcoming and recent bookings with the code for the desk, cancelling (until
 * the resource's deadline), checking in during the first minutes of the slot, and each member's standing under the
 * no-show rule.
 */
@Route("my/bookings")
@RolesAllowed(Role.CITIZEN_NAME)
@Menu(order = 66.5, title = "booking.nav.mine", icon = "vaadin:calendar-user")
@Uses(Dialog.class)
class MyBookingsView extends VerticalLayout implements HasDynamicTitle {

    /** The QR code's side on screen: large enough for a desk scanner from a phone held up. */
    private static final int QR_PX = 160;

    /** How far back the past bookings reach. */
    static final int PAST_DAYS = 90;

    private final Bookables bookables;
    private final Bookings bookings;
    private final Clock clock;
    private final Map<String, String> names = new LinkedHashMap<>();
    final UnorderedList upcoming = new UnorderedList();
    final UnorderedList past = new UnorderedList();
    final Div standing = new Div();
    Dialog dialog;
    Paragraph dialogProblem;

    MyBookingsView(Bookables bookables, Bookings bookings, HouseholdService households, Clock clock) {
        this.bookables = bookables;
        this.bookings = bookings;
        this.clock = clock;
        addClassName("baeum-my-bookings");
        List<Participant> household = households.myParticipants();
        household.forEach(p -> names.put(p.id().value(), p.name()));
        Anchor book = new Anchor("bookings", getTranslation("booking.mine.book"));
        book.getStyle().set("text-decoration", "underline"); // a link inside a sentence is told apart by more than colour
        add(new H1(getTranslation("booking.mine.title")),
                new Paragraph(new Span(getTranslation("booking.mine.intro") + " "), book),
                section("booking.mine.upcoming", upcoming), section("booking.mine.past", past),
                section("booking.standing.title", standing));
        refresh();
    }

    private Section section(String title, com.vaadin.flow.component.Component content) {
        Section s = new Section(new H2(getTranslation(title)), content);
        s.addClassName("baeum-section");
        s.setWidthFull();
        return s;
    }

    void refresh() {
        LocalDateTime now = LocalDateTime.now(clock.withZone(Formats.SEOUL));
        List<Booking> all = bookings.mine(now.toLocalDate().minusDays(PAST_DAYS));
        NoShowRule rule = bookings.noShowRule();
        upcoming.removeAll();
        past.removeAll();
        for (Booking b : all) {
            boolean ahead = b.status().active() && b.date().atTime(b.end()).isAfter(now);
            (ahead ? upcoming : past).add(card(b, now, rule));
        }
        if (upcoming.getChildren().findAny().isEmpty()) {
            upcoming.add(new ListItem(getTranslation("booking.mine.noneUpcoming")));
        }
        if (past.getChildren().findAny().isEmpty()) {
            past.add(new ListItem(getTranslation("booking.mine.nonePast")));
        }
        standing.removeAll();
        for (String participant : names.keySet()) {
            standing.add(standing(bookings.standing(participant)));
        }
        standing.add(new Paragraph(BookingTexts.rule(rule)));
    }

    private Paragraph standing(Standing s) {
        String name = names.get(s.participantId());
        String marks = s.marks().isEmpty() ? getTranslation("booking.standing.clean", name)
                : getTranslation("booking.standing.marks", name, s.marks().size(), String.join(", ",
                s.marks().stream().map(d -> BookingTexts.day(d, getLocale())).toList()));
        Paragraph p = new Paragraph(marks);
        p.addClassName("baeum-booking-standing");
        if (s.banned()) {
            Span ban = new Span(" " + getTranslation("booking.standing.banned", BookingTexts.day(s.bannedThrough(), getLocale())));
            ban.addClassName(LumoUtility.FontWeight.BOLD);
            p.add(ban);
        }
        return p;
    }

    private ListItem card(Booking b, LocalDateTime now, NoShowRule rule) {
        ListItem item = new ListItem();
        item.addClassNames("baeum-booking-card", LumoUtility.Margin.Bottom.MEDIUM);
        var bookable = bookables.bookable(b.bookableId());
        String resource = bookable.map(x -> x.name(getLocale())).orElse(b.bookableId());
        item.add(new H3(resource));
        item.add(new Paragraph(getTranslation("booking.mine.when", BookingTexts.day(b.date(), getLocale()),
                BookingTexts.span(b.start(), b.end()), names.getOrDefault(b.participantId(), ""))));
        Span status = new Span(BookingTexts.status(b));
        status.addClassName("baeum-booking-status");
        item.add(new Paragraph(new Span(getTranslation("booking.mine.status") + " "), status));
        if (b.status().active()) {
            Span code = new Span(b.code());
            code.addClassNames("baeum-booking-code", LumoUtility.FontSize.XXXLARGE, LumoUtility.FontWeight.BOLD);
            item.add(new Paragraph(new Span(getTranslation("booking.done.code") + " "), code));
            // the same code as a QR code for the desk's scanner; its alternative text spells the code
            Image qr = new Image(QrCodes.dataUri(b.code(), QR_PX), getTranslation("booking.mine.qrAlt", b.code()));
            qr.addClassName("baeum-booking-qr");
            qr.setWidth(QR_PX + "px");
            qr.setHeight(QR_PX + "px");
            item.add(qr);
        }
        // the same windows the service applies (decision 0042): check-in from the start, or from the booking time for
        // a whole day booked after it began, until the grace; cancelling until the resource's deadline, or for such a
        // whole day until its check-in window closes
        java.time.Instant at = now.atZone(Formats.SEOUL).toInstant();
        java.time.Instant checkInUntil = b.checkInUntil(rule.graceMinutes());
        java.time.Instant cancelUntil = bookable.map(x -> b.cancelUntil(x.rules(), rule.graceMinutes())).orElse(at);
        if (b.status() == BookingStatus.CONFIRMED && at.isBefore(checkInUntil)) {
            Paragraph window = new Paragraph(getTranslation("booking.mine.checkInWindow",
                    Formats.dateTime(b.presentFrom(), getLocale()), Formats.dateTime(checkInUntil, getLocale())));
            window.addClassName("baeum-booking-check-in-window");
            item.add(window);
        }
        boolean cancellable = (b.status() == BookingStatus.CONFIRMED || b.status() == BookingStatus.REQUESTED)
                && at.isBefore(cancelUntil);
        if (cancellable) {
            Paragraph until = new Paragraph(getTranslation("booking.mine.cancelUntil",
                    Formats.dateTime(cancelUntil, getLocale())));
            until.addClassName("baeum-booking-cancel-until");
            item.add(until);
        }
        Div actions = new Div();
        actions.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexWrap.WRAP, LumoUtility.Gap.SMALL);
        if (b.status() == BookingStatus.CONFIRMED && !at.isBefore(b.startAt()) && at.isBefore(checkInUntil)) {
            Button checkIn = new Button(getTranslation("booking.mine.checkIn"), e -> checkIn(b));
            checkIn.addClassName("baeum-booking-check-in");
            checkIn.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            checkIn.setAriaLabel(getTranslation("booking.mine.checkInLabel", resource, BookingTexts.span(b.start(), b.end())));
            actions.add(checkIn);
        }
        if (cancellable) {
            Button cancel = new Button(getTranslation("booking.mine.cancel"), e -> confirmCancel(b, resource));
            cancel.addClassName("baeum-booking-cancel");
            cancel.setAriaLabel(getTranslation("booking.mine.cancelLabel", resource,
                    BookingTexts.day(b.date(), getLocale()), BookingTexts.span(b.start(), b.end())));
            actions.add(cancel);
        }
        item.add(actions);
        return item;
    }

    private void checkIn(Booking b) {
        try {
            bookings.checkIn(b.id());
        } catch (BookingRefusedException e) {
            com.vaadin.flow.component.notification.Notification.show(BookingTexts.refusal(e, getLocale()));
        }
        refresh();
    }

    private void confirmCancel(Booking b, String resource) {
        dialog = new Dialog();
        dialog.addClassName("baeum-booking-cancel-dialog");
        dialog.setHeaderTitle(getTranslation("booking.cancel.title"));
        dialog.add(new Paragraph(getTranslation("booking.cancel.question", resource,
                BookingTexts.day(b.date(), getLocale()), BookingTexts.span(b.start(), b.end()))));
        dialogProblem = new Paragraph();
        dialogProblem.getElement().setAttribute("role", "alert");
        dialogProblem.setVisible(false);
        dialog.add(dialogProblem);
        Button yes = new Button(getTranslation("booking.cancel.confirm"), e -> {
            try {
                bookings.cancel(b.id());
                dialog.close();
                refresh();
            } catch (BookingRefusedException refused) {
                dialogProblem.setText(BookingTexts.refusal(refused, getLocale()));
                dialogProblem.setVisible(true);
            }
        });
        yes.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        dialog.getFooter().add(new Button(getTranslation("booking.cancel.back"), e -> dialog.close()), yes);
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("booking.mine.title") + " | " + getTranslation("app.name");
    }
}
