package org.baeum.base.ui;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Any unexpected failure while opening a page: the user sees a translated message and an incident number,
 * never a stack trace; the log has the stack trace under the same number.
 */
@ParentLayout(MainLayout.class)
@AnonymousAllowed
public class ErrorView extends MessagePage implements HasErrorParameter<Exception> {

    private static final Logger log = LoggerFactory.getLogger(ErrorView.class);
    private final Paragraph incident = new Paragraph();

    public ErrorView() {
        super("baeum-error", "error.internal");
        add(incident);
        addHomeLink();
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        String id = UUID.randomUUID().toString().substring(0, 8);
        log.error("Incident {} while opening '{}'", id, event.getLocation().getPath(), parameter.getCaughtException());
        incident.setText(getTranslation("error.internal.incident", id));
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
}
