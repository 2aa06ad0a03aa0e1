package org.baeum.attendance.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import java.time.LocalDate;
import java.util.List;
import org.baeum.attendance.completion.CompletionDue;
import org.baeum.attendance.completion.CompletionDue.DueCompletion;
import org.baeum.base.i18n.Formats;
import org.baeum.catalog.OfferingId;

/**
 * 수료 확인 필요 (decision 0035): the calling instructor's classes that ended and wait for their completion to be
 * confirmed, each linking to its completion page; hidden when there are none.
 */
class DueCompletionsSection extends Section {

    final UnorderedList due = new UnorderedList();

    DueCompletionsSection(CompletionDue completionDue) {
        addClassName("baeum-section");
        addClassName("baeum-completion-due");
        H2 heading = new H2(getTranslation("instructorHome.due"));
        heading.setId("completion-due");
        due.getElement().setAttribute("aria-labelledby", "completion-due");
        List<DueCompletion> items = completionDue.mine();
        items.forEach(d -> due.add(item(d)));
        add(heading, due);
        setVisible(!items.isEmpty());
    }

    static String path(OfferingId id) {
        return "instructor/offerings/" + id.value() + "/completion";
    }

    private ListItem item(DueCompletion d) {
        Anchor a = new Anchor(path(d.offering().id()), d.offering().title(getLocale()));
        a.addClassName("baeum-completion-due-link");
        a.getStyle().set("display", "inline-block").set("min-height", "44px").set("line-height", "44px");
        LocalDate since = LocalDate.ofInstant(d.dueSince(), Formats.SEOUL);
        return new ListItem(a, new Paragraph(getTranslation("instructorHome.dueItem", d.participants(), d.completed(),
                Formats.date(since, getLocale()))));
    }
}
