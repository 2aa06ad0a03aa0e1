package org.baeum.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/** A translated "access denied" page for a signed-in user who opens a page of another role; status 403. */
@ParentLayout(MainLayout.class)
@AnonymousAllowed
public class AccessDeniedView extends VerticalLayout
        implements HasErrorParameter<AccessDeniedException>, HasDynamicTitle {

    public AccessDeniedView() {
        addClassName("baeum-access-denied");
        add(new H1(getTranslation("error.accessDenied.title")),
                new Paragraph(getTranslation("error.accessDenied.text")),
                new Anchor("", getTranslation("error.backHome")));
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        return HttpServletResponse.SC_FORBIDDEN;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("error.accessDenied.title") + " | " + getTranslation("app.name");
    }
}
