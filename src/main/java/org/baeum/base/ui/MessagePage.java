package org.baeum.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;

/** A page that only says something (not found, access denied, an error): a title, a text, a way home. */
abstract class MessagePage extends VerticalLayout implements HasDynamicTitle {

    private final String titleKey;

    MessagePage(String className, String keyPrefix) {
        this.titleKey = keyPrefix + ".title";
        addClassName(className);
        add(new H1(getTranslation(titleKey)), new Paragraph(getTranslation(keyPrefix + ".text")));
    }

    /** Adds the link home last, after anything a subclass adds. */
    protected void addHomeLink() {
        add(new Anchor("", getTranslation("error.backHome")));
    }

    @Override
    public String getPageTitle() {
        return getTranslation(titleKey) + " | " + getTranslation("app.name");
    }
}
