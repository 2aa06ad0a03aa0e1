package org.baeum.attendance.transcript.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.List;
import java.util.Optional;
import org.baeum.attendance.completion.CompletionWarning;
import org.baeum.attendance.completion.CompletionWarnings;
import org.baeum.attendance.completion.CompletionWarnings.RunningClass;

/**
 * 수강 중인 강좌 (decision 0035): the household's classes in progress, each with the sessions attended of those held,
 * the share its completion needs and, in words, whether attendance so far is below it or it can no longer be reached.
 * Left out of the page while nothing is in progress.
 */
class RunningClassesSection extends Section {

    /** The section, if the caller's household has a class in progress. */
    static Optional<RunningClassesSection> of(CompletionWarnings warnings) {
        List<RunningClass> running = warnings.ofMyHousehold();
        return running.isEmpty() ? Optional.empty() : Optional.of(new RunningClassesSection(running));
    }

    private RunningClassesSection(List<RunningClass> running) {
        addClassName("baeum-section");
        addClassName("baeum-running-classes");
        setWidthFull();
        H2 heading = new H2(getTranslation("runningClasses.title"));
        heading.setId("running-classes");
        add(heading);
        UnorderedList list = new UnorderedList();
        list.getElement().setAttribute("aria-labelledby", heading.getId().orElseThrow());
        running.forEach(r -> list.add(item(r)));
        add(list);
    }

    private ListItem item(RunningClass r) {
        var s = r.standing();
        ListItem li = new ListItem(new Span(getTranslation("runningClasses.item", r.offering().title(getLocale()),
                r.participantName(), s.attended(), s.held(), s.total())));
        li.addClassName("baeum-running-class");
        if (r.rule().numerator() == 0) {
            li.add(new Paragraph(getTranslation("runningClasses.noRule")));
            return li;
        }
        li.add(new Paragraph(getTranslation("runningClasses.needed", CompletionWarning.share(r.rule()))));
        r.warning().ifPresent(w -> {
            Paragraph warning = new Paragraph(w == CompletionWarning.UNREACHABLE
                    ? getTranslation("runningClasses.unreachable")
                    : getTranslation("runningClasses.below", s.total() - s.held()));
            warning.addClassName("baeum-running-warning");
            warning.getElement().setAttribute("data-warning", w.name());
            warning.getStyle().set("color", "var(--lumo-error-text-color)").set("font-weight", "600");
            li.add(warning);
        });
        return li;
    }
}
