package org.baeum.base.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;

/** Buttons in a grid row, alike on every page: small, quiet, and named for screen readers with what they act on. */
public final class RowButtons {

    private RowButtons() {
    }

    /**
     * A button that removes or deletes the row's item (red text, after which the page asks for confirmation).
     *
     * @param ariaLabel what a screen reader says: the action and the item, e.g. "삭제: 성인 · 최대 2개"
     */
    public static Button removing(String text, String ariaLabel, Runnable onClick) {
        Button button = new Button(text, click -> onClick.run());
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        button.setAriaLabel(ariaLabel);
        return button;
    }
}
