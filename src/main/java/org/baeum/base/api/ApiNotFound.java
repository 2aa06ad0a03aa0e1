package org.baeum.base.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.baeum.base.i18n.Messages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;
import org.springframework.web.servlet.support.RequestContextUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * A path under {@code /api/} that no controller serves answers {@code 404 {"error": "not_found", "message"}}.
 * Without this, Vaadin's catch-all mapping (order {@code Integer.MAX_VALUE - 1}) served its HTML page for it and
 * opened an HTTP session. This mapping comes right after the controllers' ({@code RequestMappingHandlerMapping}, order
 * 0), so a known path with another method still gets the controllers' 405.
 */
@Configuration(proxyBeanMethods = false)
class ApiNotFound {

    static final int ORDER = 1;

    @Bean
    SimpleUrlHandlerMapping apiNotFoundMapping(Messages messages, JsonMapper json) {
        HttpRequestHandler notFound = (request, response) -> write(request, response, messages, json);
        SimpleUrlHandlerMapping mapping = new SimpleUrlHandlerMapping(Map.of("/api/**", notFound), ORDER);
        return mapping;
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, Messages messages,
                              JsonMapper json) throws IOException {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String message = messages.get("api.notFound", RequestContextUtils.getLocale(request));
        response.getWriter().write(json.writeValueAsString(ApiError.body("not_found", message)));
    }
}
