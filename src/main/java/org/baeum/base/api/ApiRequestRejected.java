package org.baeum.base.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.baeum.base.i18n.Locales;
import org.baeum.base.i18n.Messages;
import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * A request Spring Security's firewall refuses before any filter chain (encoded dots or slashes, {@code ..}, and the
 * like): under {@code /api/} it gets {@code 400 {"error": "invalid_request", "message"}} written at once, elsewhere
 * Spring's plain 400 as before. Spring Security uses a {@link RequestRejectedHandler} bean when there is one.
 */
@Component
class ApiRequestRejected implements RequestRejectedHandler {

    private final RequestRejectedHandler others = new HttpStatusRequestRejectedHandler();
    private final Messages messages;
    private final JsonMapper json;

    ApiRequestRejected(Messages messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException, jakarta.servlet.ServletException {
        String uri = request.getRequestURI();
        if (uri == null || !uri.startsWith(request.getContextPath() + "/api/")) {
            others.handle(request, response, rejected);
            return;
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String message = messages.get("api.badRequest", Locales.supported(request.getLocale()));
        response.getWriter().write(json.writeValueAsString(ApiError.body("invalid_request", message)));
    }
}
