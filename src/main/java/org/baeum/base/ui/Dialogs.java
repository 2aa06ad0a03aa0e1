package org.baeum.base.ui;

import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.dialog.Dialog;

/** Dialogs that live inside the page that opened them, and leave it when they close. */
public final class Dialogs {

    private Dialogs() {
    }

    /** Adds {@code dialog} to {@code page}, opens it, and removes it from the page once it is closed. */
    public static <D extends Dialog> D openIn(HasComponents page, D dialog) {
        dialog.addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                page.remove(dialog);
            }
        });
        page.add(dialog);
        dialog.open();
        return dialog;
    }
}
