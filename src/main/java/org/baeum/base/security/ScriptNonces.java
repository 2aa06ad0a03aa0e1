package org.baeum.base.security;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

/**
 * Stamps the request's Content-Security-Policy nonce ({@link ContentSecurityPolicy#nonce}) on every script of Vaadin's
 * bootstrap page, so the browser runs Vaadin's own inline scripts and no script injected into the page.
 */
@Component
class ScriptNonces implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(page -> {
            if (page.getVaadinRequest() instanceof HttpServletRequest request) {
                page.getDocument().getElementsByTag("script").attr("nonce", ContentSecurityPolicy.nonce(request));
            }
        });
    }
}
