package org.baeum.base.ui;

import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/** A translated "access denied" page for a signed-in user who opens a page of another role; status 403. */
@ParentLayout(MainLayout.class)
@AnonymousAllowed
public class AccessDeniedView extends MessagePage implements HasErrorParameter<AccessDeniedException> {

    public AccessDeniedView() {
        super("baeum-access-denied", "error.accessDenied");
        addHomeLink();
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        return HttpServletResponse.SC_FORBIDDEN;
    }
}
