package org.baeum.booking.club.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.function.Consumer;
import org.baeum.base.domain.InvalidInputException;
import org.baeum.base.i18n.Formats;
import org.baeum.base.security.Role;
import org.baeum.base.ui.Dialogs;
import org.baeum.booking.Booking;
import org.baeum.booking.BookingRefusedException;
import org.baeum.booking.Bookables;
import org.baeum.booking.Bookings;
import org.baeum.booking.club.ClubSeries;
import org.baeum.booking.club.ClubSlots;
import org.baeum.booking.club.LearningClub;
import org.baeum.booking.club.LearningClubs;
import org.baeum.booking.club.SeriesStatus;
import org.baeum.catalog.Branch;
import org.baeum.catalog.CatalogService;

/**
 * 예약 승인 (STAFF/ADMIN): registered learning clubs, club series (requested ones to approve or refuse, running ones to
 * place again or end early) and the requested bookings of the auditorium and the gallery; every action a labelled
 * button naming what it acts on, a refusal only with a reason.
 */
@Route("staff/booking-requests")
@RolesAllowed({Role.STAFF_NAME, Role.ADMIN_NAME})
@Menu(order = 63.6, title = "club.nav.requests", icon = "vaadin:check-square-o")
class BookingRequestsView extends VerticalLayout implements HasDynamicTitle {

    private final transient LearningClubs clubs;
    private final transient ClubSlots slots;
    private final transient Bookings bookings;
    private final transient Bookables bookables;
    private final List<Branch> branches;
    final Grid<LearningClub> clubGrid = new Grid<>();
    final Grid<ClubSeries> seriesGrid = new Grid<>();
    final Grid<Booking> bookingGrid = new Grid<>();
    ReasonDialog dialog;

    BookingRequestsView(LearningClubs clubs, ClubSlots slots, Bookings bookings, Bookables bookables,
                        CatalogService catalog) {
        this.clubs = clubs;
        this.slots = slots;
        this.bookings = bookings;
        this.bookables = bookables;
        this.branches = catalog.branches();
        addClassName("baeum-booking-requests");

        clubGrid.getElement().setAttribute("aria-label", getTranslation("club.requests.clubs"));
        clubGrid.addColumn(LearningClub::name).setHeader(getTranslation("club.name")).setAutoWidth(true);
        clubGrid.addColumn(c -> branch(c.branchId())).setHeader(getTranslation("club.branch")).setAutoWidth(true);
        clubGrid.addColumn(c -> c.leaderName() + " · " + getTranslation("club.members", c.size()))
                .setHeader(getTranslation("club.requests.leader")).setAutoWidth(true);
        clubGrid.addColumn(LearningClub::description).setHeader(getTranslation("club.description")).setFlexGrow(1);
        clubGrid.addComponentColumn(c -> actions(c.name(), () -> clubs.approve(c.id()),
                reason -> clubs.refuse(c.id(), reason))).setHeader(getTranslation("club.requests.actions")).setAutoWidth(true);
        clubGrid.setEmptyStateText(getTranslation("club.requests.noClubs"));
        clubGrid.setAllRowsVisible(true);

        seriesGrid.getElement().setAttribute("aria-label", getTranslation("club.requests.series"));
        seriesGrid.addColumn(ClubSeries::clubName).setHeader(getTranslation("club.name")).setAutoWidth(true);
        seriesGrid.addColumn(s -> SeriesTexts.describe(this, s, bookables)).setHeader(getTranslation("club.series.when"))
                .setAutoWidth(true);
        seriesGrid.addColumn(s -> getTranslation("club.series.status." + s.status().name())
                + (s.status() == SeriesStatus.APPROVED ? " · " + SeriesTexts.outcome(this, s)
                : s.skipped().isEmpty() ? "" : " · " + getTranslation("club.series.skipped", s.skipped().size())))
                .setHeader(getTranslation("club.series.state")).setFlexGrow(1);
        seriesGrid.addColumn(s -> SeriesTexts.competing(this, s)).setHeader(getTranslation("club.series.competing"))
                .setFlexGrow(1);
        seriesGrid.addComponentColumn(this::seriesActions).setHeader(getTranslation("club.requests.actions"))
                .setAutoWidth(true);
        seriesGrid.setEmptyStateText(getTranslation("club.requests.noSeries"));
        seriesGrid.setAllRowsVisible(true);

        bookingGrid.getElement().setAttribute("aria-label", getTranslation("club.requests.bookings"));
        bookingGrid.addColumn(this::bookable).setHeader(getTranslation("club.requests.resource")).setAutoWidth(true);
        bookingGrid.addColumn(b -> Formats.date(b.date(), getLocale()) + " " + b.start() + "–" + b.end())
                .setHeader(getTranslation("club.requests.when")).setAutoWidth(true);
        bookingGrid.addColumn(Booking::groupSize).setHeader(getTranslation("club.requests.group")).setAutoWidth(true);
        bookingGrid.addColumn(Booking::purpose).setHeader(getTranslation("club.requests.purpose")).setFlexGrow(1);
        bookingGrid.addComponentColumn(b -> actions(bookable(b) + " " + Formats.date(b.date(), getLocale()),
                () -> bookings.approve(b.id()), reason -> bookings.refuse(b.id(), reason)))
                .setHeader(getTranslation("club.requests.actions")).setAutoWidth(true);
        bookingGrid.setEmptyStateText(getTranslation("club.requests.noBookings"));
        bookingGrid.setAllRowsVisible(true);

        add(new H1(getTranslation("club.requests.title")), new Paragraph(getTranslation("club.requests.intro")),
                new Section(new H2(getTranslation("club.requests.clubs")), clubGrid),
                new Section(new H2(getTranslation("club.requests.series")), seriesGrid),
                new Section(new H2(getTranslation("club.requests.bookings")), bookingGrid));
        refresh();
    }

    void refresh() {
        clubGrid.setItems(clubs.pending());
        seriesGrid.setItems(slots.forStaff());
        bookingGrid.setItems(bookings.requests());
    }

    private String branch(String id) {
        return branches.stream().filter(b -> b.id().value().equals(id)).findFirst().map(b -> b.name(getLocale()))
                .orElse(id);
    }

    private String bookable(Booking b) {
        return bookables.bookable(b.bookableId()).map(x -> x.name(getLocale())).orElse(b.bookableId());
    }

    private Component seriesActions(ClubSeries s) {
        String what = s.clubName() + " " + SeriesTexts.every(this, s.weekday(), s.start(), s.end());
        if (s.status() == SeriesStatus.REQUESTED) {
            return actions(what, () -> slots.approve(s.id()), reason -> slots.refuse(s.id(), reason));
        }
        Button again = button(getTranslation("club.requests.placeAgain"),
                getTranslation("club.requests.placeAgainNamed", what), () -> slots.approve(s.id()));
        Button end = button(getTranslation("club.requests.end"), getTranslation("club.requests.endNamed", what),
                () -> slots.end(s.id()));
        end.addThemeVariants(ButtonVariant.LUMO_ERROR);
        return new HorizontalLayout(again, end);
    }

    /** An approve and a refuse button for one row. */
    private Component actions(String what, Runnable approve, Consumer<String> refuse) {
        Button yes = button(getTranslation("club.requests.approve"), getTranslation("club.requests.approveNamed", what),
                approve);
        Button no = new Button(getTranslation("club.requests.refuse"), e -> {
            dialog = new ReasonDialog(what, refuse, () -> {
                refresh();
                notice(getTranslation("club.requests.refused", what), NotificationVariant.LUMO_SUCCESS);
            });
            Dialogs.openIn(this, dialog);
        });
        no.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        no.getElement().setAttribute("aria-label", getTranslation("club.requests.refuseNamed", what));
        return new HorizontalLayout(yes, no);
    }

    private Button button(String text, String label, Runnable action) {
        Button button = new Button(text, e -> {
            try {
                action.run();
                notice(getTranslation("club.requests.done", label), NotificationVariant.LUMO_SUCCESS);
            } catch (InvalidInputException | BookingRefusedException refused) {
                notice(getTranslation("club.requests.failed", label), NotificationVariant.LUMO_ERROR);
            }
            refresh();
        });
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        button.getElement().setAttribute("aria-label", label);
        return button;
    }

    private static void notice(String text, NotificationVariant variant) {
        Notification.show(text, 6000, Notification.Position.MIDDLE).addThemeVariants(variant);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("club.requests.title") + " | " + getTranslation("app.name");
    }
}
