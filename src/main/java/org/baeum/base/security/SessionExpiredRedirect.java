package org.baeum.base.security;

import com.vaadin.flow.server.CustomizedSystemMessages;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

/**
 * When a page's session has ended (found by Vaadin's next background request), the browser goes straight to the
 * sign-in page, which says why; Vaadin's own "session expired" notification is off.
 */
@Component
class SessionExpiredRedirect implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().setSystemMessagesProvider(info -> {
            CustomizedSystemMessages messages = new CustomizedSystemMessages();
            messages.setSessionExpiredNotificationEnabled(false);
            messages.setSessionExpiredURL((info.getRequest() == null ? "" : info.getRequest().getContextPath())
                    + "/login?expired");
            return messages;
        });
    }
}
