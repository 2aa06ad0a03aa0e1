package org.baeum.base.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/** A translated "not found" page with a way home; status 404. */
@ParentLayout(MainLayout.class)
@AnonymousAllowed
public class NotFoundView extends MessagePage implements HasErrorParameter<NotFoundException> {

    public NotFoundView() {
        super("baeum-not-found", "error.notFound");
        addHomeLink();
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
