package org.baeum.booking.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dependency.Uses;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.baeum.account.HouseholdService;
import org.baeum.base.i18n.Formats;
import org.baeum.base.security.CurrentUser;
import org.baeum.base.security.Role;
import org.baeum.booking.Bookable;
import org.baeum.booking.BookableKind;
import org.baeum.booking.Bookables;
import org.baeum.booking.Bookings;
import org.baeum.booking.Slot;
import org.baeum.catalog.Branch;
import org.baeum.catalog.CatalogService;

/**
 * 시설 예약 (Book a facility): choose a resource (grouped by branch and kind), a day from today to its horizon, and
 * book a slot of the day's grid or list. Anyone may browse; booking needs a citizen's sign-in.
 */
@Route("bookings")
@AnonymousAllowed
@Menu(order = 7, title = "booking.nav.book", icon = "vaadin:calendar-user")
@Uses(Dialog.class)
class BookingView extends VerticalLayout implements HasDynamicTitle {

    private final Bookables bookables;
    private final Bookings bookings;
    private final HouseholdService households;
    private final Clock clock;
    private final boolean citizen;
    private final boolean signedIn;

    final Map<String, Button> choices = new LinkedHashMap<>();
    final DatePicker date = new DatePicker();
    final Button previousDay = new Button();
    final Button nextDay = new Button();
    final Button mode = new Button();
    final H2 dayTitle = new H2();
    final SlotBoard board = new SlotBoard();
    final Paragraph message = new Paragraph();
    Bookable chosen;
    boolean grid = true;
    BookingDialog dialog;

    BookingView(Bookables bookables, Bookings bookings, HouseholdService households, CatalogService catalog,
                CurrentUser currentUser, Clock clock) {
        this.bookables = bookables;
        this.bookings = bookings;
        this.households = households;
        this.clock = clock;
        this.signedIn = currentUser.get().isPresent();
        this.citizen = currentUser.hasRole(Role.CITIZEN);
        addClassName("baeum-bookings");
        add(new H1(getTranslation("booking.title")), new Paragraph(getTranslation("booking.intro")));
        if (!signedIn) {
            add(new Paragraph(new Span(getTranslation("booking.signInFirst") + " "),
                    new Anchor("login", getTranslation("booking.signIn"))));
        }
        List<Bookable> all = bookables.bookables().stream().filter(Bookable::active).toList();
        if (all.isEmpty()) {
            add(new Paragraph(getTranslation("booking.none")));
            return;
        }
        add(chooser(all, catalog.branches()), dayControls(), board);
        message.getElement().setAttribute("role", "status");
        add(message);
        choose(all.getFirst());
    }

    private Section chooser(List<Bookable> all, List<Branch> branches) {
        Section section = new Section(new H2(getTranslation("booking.choose")));
        section.addClassName("baeum-section");
        section.setWidthFull();
        Map<String, String> branchNames = new LinkedHashMap<>();
        branches.forEach(b -> branchNames.put(b.id().value(), b.name(getLocale())));
        List<String> order = new ArrayList<>(branchNames.keySet());
        all.stream().map(Bookable::branchId).filter(id -> !order.contains(id)).distinct().forEach(order::add);
        for (String branchId : order) {
            List<Bookable> ofBranch = all.stream().filter(b -> b.branchId().equals(branchId)).toList();
            if (ofBranch.isEmpty()) {
                continue;
            }
            section.add(new H3(branchNames.getOrDefault(branchId, branchId)));
            for (BookableKind kind : BookableKind.values()) {
                List<Bookable> ofKind = ofBranch.stream().filter(b -> b.kind() == kind).toList();
                if (ofKind.isEmpty()) {
                    continue;
                }
                Span label = new Span(getTranslation("booking.kind." + kind.name()));
                label.setId("booking-kind-" + branchId + "-" + kind.name());
                Div group = new Div(label);
                group.getElement().setAttribute("role", "group");
                group.getElement().setAttribute("aria-labelledby", label.getId().orElseThrow());
                group.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexWrap.WRAP, LumoUtility.Gap.SMALL,
                        LumoUtility.AlignItems.CENTER, LumoUtility.Margin.Bottom.SMALL);
                for (Bookable b : ofKind) {
                    Button choice = new Button(b.name(getLocale()), e -> choose(b));
                    choice.addClassName("baeum-bookable-choice");
                    choice.getElement().setAttribute("aria-pressed", "false");
                    choices.put(b.id(), choice);
                    group.add(choice);
                }
                section.add(group);
            }
        }
        return section;
    }

    private Component dayControls() {
        date.setLabel(getTranslation("booking.date"));
        date.setLocale(getLocale());
        date.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                showDay(e.getValue());
            }
        });
        previousDay.setText(getTranslation("booking.previousDay"));
        previousDay.addClickListener(e -> showDay(date.getValue().minusDays(1)));
        nextDay.setText(getTranslation("booking.nextDay"));
        nextDay.addClickListener(e -> showDay(date.getValue().plusDays(1)));
        mode.addClassName("baeum-slot-mode");
        mode.addClickListener(e -> {
            grid = !grid;
            showDay(date.getValue());
        });
        Div controls = new Div(previousDay, date, nextDay, mode);
        controls.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexWrap.WRAP, LumoUtility.Gap.SMALL,
                LumoUtility.AlignItems.BASELINE);
        Section section = new Section(dayTitle, controls);
        section.addClassName("baeum-section");
        section.setWidthFull();
        return section;
    }

    void choose(Bookable b) {
        chosen = b;
        choices.forEach((id, button) -> {
            boolean on = id.equals(b.id());
            button.getElement().setAttribute("aria-pressed", String.valueOf(on));
            if (on) {
                button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            } else {
                button.removeThemeVariants(ButtonVariant.LUMO_PRIMARY);
            }
        });
        LocalDate today = today();
        date.setMin(today);
        date.setMax(today.plusDays(b.rules().horizonDays()));
        LocalDate day = date.getValue() == null || date.getValue().isBefore(today) || date.getValue().isAfter(date.getMax())
                ? today : date.getValue();
        showDay(day);
    }

    void showDay(LocalDate day) {
        LocalDate today = today();
        LocalDate last = today.plusDays(chosen.rules().horizonDays());
        LocalDate shown = day.isBefore(today) ? today : day.isAfter(last) ? last : day;
        date.setValue(shown);
        previousDay.setEnabled(shown.isAfter(today));
        nextDay.setEnabled(shown.isBefore(last));
        mode.setText(getTranslation(grid ? "booking.mode.list" : "booking.mode.grid"));
        mode.getElement().setAttribute("aria-pressed", String.valueOf(!grid));
        dayTitle.setText(getTranslation("booking.dayTitle", chosen.name(getLocale()), BookingTexts.day(shown, getLocale())));
        message.setText("");
        board.show(bookables.slots(chosen.id(), shown), grid, this::open);
    }

    private void open(Slot slot) {
        if (!signedIn) {
            getUI().ifPresent(ui -> ui.navigate("login"));
            return;
        }
        if (!citizen) {
            message.setText(getTranslation("booking.citizensOnly"));
            return;
        }
        dialog = new BookingDialog(chosen, slot, households.myParticipants(), bookings, () -> showDay(slot.date()));
        dialog.open();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(Formats.SEOUL));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("booking.title") + " | " + getTranslation("app.name");
    }
}
