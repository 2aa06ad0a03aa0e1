package org.baeum.account.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import org.baeum.account.LinkOutcome;

/** What a page opened from a mailed link shows when the link worked or did not: a title, a sentence, a way on. */
final class LinkResultPage extends Div {

    /**
     * @param prefix message prefix, e.g. {@code verify} gives {@code verify.DONE.title} and {@code verify.DONE.text}
     */
    LinkResultPage(String prefix, LinkOutcome outcome, String nextHref, String nextKey) {
        getElement().setAttribute("role", "status");
        addClassName("baeum-link-result");
        add(new H1(getTranslation(prefix + "." + outcome.name() + ".title")),
                new Paragraph(getTranslation(prefix + "." + outcome.name() + ".text")),
                new Anchor(nextHref, getTranslation(nextKey)));
    }
}
