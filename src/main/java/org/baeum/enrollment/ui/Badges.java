package org.baeum.enrollment.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

/** Small pieces the enrolment pages share: a status badge (text, never colour alone) and a wrapping row of buttons. */
final class Badges {

    private Badges() {
    }

    /** A Lumo badge with {@code theme} (e.g. {@code success}, {@code contrast}). */
    static Span badge(String text, String theme) {
        Span badge = new Span(text);
        badge.getElement().getThemeList().add("badge " + theme);
        return badge;
    }

    /** Buttons side by side, wrapping on a narrow screen. */
    static HorizontalLayout row(Button... buttons) {
        HorizontalLayout row = new HorizontalLayout(buttons);
        row.setAlignItems(FlexComponent.Alignment.CENTER);
        row.getStyle().set("flex-wrap", "wrap");
        return row;
    }
}
