package org.baeum.booking.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.List;
import java.util.function.Consumer;
import org.baeum.booking.Slot;

/**
 * A day's slots, every one a real button labelled for screen readers ("10:00–11:00, 3자리 남음, 예약"). In the grid
 * mode, wide screens see tiles and narrow ones (under 768 px) the list; in the list mode everyone sees the list.
 * A slot that cannot be booked is a disabled button that says why.
 */
class SlotBoard extends Div {

    SlotBoard() {
        addClassName("baeum-slot-board");
        setWidthFull();
    }

    void show(List<Slot> slots, boolean grid, Consumer<Slot> onBook) {
        removeAll();
        if (slots.isEmpty()) {
            add(new Paragraph(getTranslation("booking.slots.none")));
            return;
        }
        UnorderedList list = new UnorderedList();
        list.addClassNames("baeum-slot-list", LumoUtility.ListStyleType.NONE, LumoUtility.Padding.NONE,
                LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.SMALL);
        for (Slot s : slots) {
            Button row = button(s, BookingTexts.span(s.start(), s.end()) + " · " + BookingTexts.slotState(s), onBook);
            row.addClassName("baeum-slot-row");
            row.setWidthFull();
            list.add(new ListItem(row));
        }
        if (grid) {
            Div tiles = new Div();
            tiles.addClassNames("baeum-slot-grid", LumoUtility.Display.HIDDEN, LumoUtility.Display.Breakpoint.Medium.FLEX,
                    LumoUtility.FlexWrap.WRAP, LumoUtility.Gap.SMALL);
            for (Slot s : slots) {
                // the same text as the row: what is seen is part of what a screen reader says (WCAG 2.5.3)
                Button tile = button(s, BookingTexts.span(s.start(), s.end()) + " · " + BookingTexts.slotState(s), onBook);
                tile.addClassName("baeum-slot-tile");
                tiles.add(tile);
            }
            list.addClassName(LumoUtility.Display.Breakpoint.Medium.HIDDEN);
            add(tiles);
        }
        add(list);
    }

    private static Button button(Slot s, String text, Consumer<Slot> onBook) {
        Button b = new Button(text);
        b.setAriaLabel(BookingTexts.slotLabel(s));
        if (s.free()) {
            b.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            b.addClickListener(e -> onBook.accept(s));
        } else {
            b.setEnabled(false);
        }
        return b;
    }
}
