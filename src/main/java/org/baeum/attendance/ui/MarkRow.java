package org.baeum.attendance.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.baeum.attendance.AttendanceStatus;
import org.baeum.attendance.completion.CompletionWarning;
import org.baeum.attendance.completion.CompletionWarnings.Flag;
import org.baeum.enrollment.EnrollmentId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One participant's mark at the chosen session: their name and four large toggle buttons (출석, 지각, 결석, 공결), each
 * named for screen readers with the participant's name and telling whether it is pressed; and a badge with text when
 * the participant is below the completion share or can no longer reach it (decision 0035).
 */
class MarkRow extends Div {

    private static final Logger log = LoggerFactory.getLogger(MarkRow.class);

    final EnrollmentId enrollmentId;
    final String name;
    final Map<AttendanceStatus, Button> buttons = new EnumMap<>(AttendanceStatus.class);
    private final Span unsaved = new Span();
    final Span warning = new Span();
    private AttendanceStatus status;

    MarkRow(EnrollmentId enrollmentId, String name, Consumer<AttendanceStatus> chosen) {
        this.enrollmentId = enrollmentId;
        this.name = name;
        addClassName("baeum-mark-row");
        getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-s)")
                .set("align-items", "center").set("width", "100%").set("padding-block", "var(--lumo-space-s)")
                .set("border-bottom", "1px solid var(--lumo-contrast-10pct)");
        Span label = new Span(name);
        label.getStyle().set("flex", "1 1 100%").set("font-weight", "600");
        unsaved.addClassName("baeum-mark-unsaved");
        unsaved.getStyle().set("color", "var(--lumo-error-text-color)");
        Div toggles = new Div();
        toggles.getStyle().set("display", "grid").set("grid-template-columns", "repeat(4, minmax(0, 1fr))")
                .set("gap", "var(--lumo-space-xs)").set("width", "100%");
        for (AttendanceStatus s : AttendanceStatus.values()) {
            Button b = new Button(getTranslation(s.messageKey()), e -> chosen.accept(s));
            b.addClassName("baeum-mark-" + s.name().toLowerCase());
            b.getElement().setAttribute("aria-label", getTranslation("attendancePage.markLabel", name,
                    getTranslation(s.messageKey())));
            b.getStyle().set("min-height", "48px").set("margin", "0");
            buttons.put(s, b);
            toggles.add(b);
        }
        warning.addClassName("baeum-mark-warning");
        warning.getElement().getThemeList().add("badge pill");
        warning.setVisible(false);
        add(label, warning, unsaved, toggles);
        show(null, false);
    }

    /** Shows the participant's completion warning as a badge with text, or none. */
    void warn(Flag flag) {
        warning.setVisible(flag != null);
        if (flag == null) {
            warning.setText("");
            return;
        }
        warning.setText(getTranslation(flag.warning().messageKey(), flag.share()));
        warning.getElement().getThemeList().remove("contrast");
        warning.getElement().getThemeList().remove("error");
        warning.getElement().getThemeList().add(flag.warning() == CompletionWarning.UNREACHABLE ? "error" : "contrast");
    }

    /** Shows each row's warning now; a failure to read them leaves the badges as they were (marks are unaffected). */
    static void warnAll(List<MarkRow> rows, Supplier<Map<EnrollmentId, Flag>> warnings) {
        try {
            Map<EnrollmentId, Flag> flags = warnings.get();
            rows.forEach(r -> r.warn(flags.get(r.enrollmentId)));
        } catch (RuntimeException e) {
            log.warn("Completion warnings could not be shown: {}", e.toString());
        }
    }

    AttendanceStatus status() {
        return status;
    }

    /** Shows {@code shown} as the pressed button, and whether it is not saved yet. */
    void show(AttendanceStatus shown, boolean notSaved) {
        status = shown;
        buttons.forEach((s, b) -> {
            boolean pressed = s == shown;
            b.getElement().setAttribute("aria-pressed", Boolean.toString(pressed));
            b.removeThemeVariants(ButtonVariant.LUMO_PRIMARY);
            if (pressed) {
                b.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            }
        });
        unsaved.setText(notSaved ? getTranslation("attendancePage.rowUnsaved") : "");
    }
}
