package org.baeum.base.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.server.PathContainer;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Which paths under {@code /api/} the portal serves (with any method): the patterns of the controllers' request
 * mappings, read once after start-up. The API's security chain lets a path that none of them matches through to
 * {@link ApiNotFound}, so that a call to an unknown path gets a JSON 404, signed in or not, instead of a 401 that would
 * hint that something is there.
 */
@Component
public class ApiPaths {

    private final ObjectProvider<RequestMappingHandlerMapping> mappings;
    private volatile PatternIndex known;

    ApiPaths(@Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mappings) {
        this.mappings = mappings;
    }

    /** Matches a request whose path no controller serves (whatever its method). */
    public RequestMatcher unknown() {
        return request -> !isKnown(request);
    }

    boolean isKnown(HttpServletRequest request) {
        String path = ServletRequestPathUtils.hasParsedRequestPath(request)
                ? ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication().value()
                : request.getRequestURI().substring(request.getContextPath().length());
        return index().matches(PathContainer.parsePath(path));
    }

    /** The patterns, indexed by their leading literal segments (one lookup per request instead of trying them all). */
    PatternIndex index() {
        PatternIndex i = known;
        if (i == null) {
            List<PathPattern> patterns = mappings.getObject().getHandlerMethods().keySet().stream()
                    .flatMap(info -> info.getPatternValues().stream())
                    .distinct()
                    .map(PathPatternParser.defaultInstance::parse)
                    .toList();
            i = new PatternIndex(patterns);
            known = i;
        }
        return i;
    }
}
