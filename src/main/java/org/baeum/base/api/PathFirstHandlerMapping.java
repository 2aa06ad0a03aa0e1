package org.baeum.base.api;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.PathContainer;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Spring MVC's controller mapping, which asks the path first. To find the handler of a request whose path has a
 * variable ({@code /api/v1/offerings/{id}/enrollments}), Spring tries every mapping of the portal, and each mapping
 * checks the method, parameters, headers, {@code Content-Type} and {@code Accept} before the path; through Spring
 * Security's request wrappers those cost more than the path pattern, which rejects almost every mapping at its first
 * segment. Here a mapping whose path patterns do not match the request is rejected before the other conditions, and
 * the request's path (parsed once by Spring and kept in a request attribute) is read once per lookup. The
 * answer is the same: a mapping matches only when all its conditions do, and checking the path is what
 * {@link RequestMappingInfo#getMatchingCondition} does anyway (the same {@link PathPatternsRequestCondition} call, with
 * no effect on the request). The 405 and 415 diagnostics when nothing matches are Spring's own, unchanged.
 * Installed through Spring Boot's {@link WebMvcRegistrations}, so Boot configures it as it configures its own.
 * Decision 0063 (docs/decisions/0063-request-dispatch-without-repeated-work.md).
 */
public class PathFirstHandlerMapping extends RequestMappingHandlerMapping {

    /** The path of the request being looked up, read once (through every request wrapper) instead of per mapping. */
    private static final ThreadLocal<PathContainer> LOOKING_UP = new ThreadLocal<>();

    @Override
    protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
        if (!ServletRequestPathUtils.hasParsedRequestPath(request)) {
            return super.lookupHandlerMethod(lookupPath, request);
        }
        PathContainer before = LOOKING_UP.get();
        LOOKING_UP.set(ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication());
        try {
            return super.lookupHandlerMethod(lookupPath, request);
        } finally {
            if (before == null) {
                LOOKING_UP.remove();
            } else {
                LOOKING_UP.set(before);
            }
        }
    }

    @Override
    protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
        PathPatternsRequestCondition paths = info.getPathPatternsCondition();
        if (paths != null && !anyMatches(paths, request)) {
            return null;
        }
        return super.getMatchingMapping(info, request);
    }

    /**
     * What {@link PathPatternsRequestCondition#getMatchingCondition} answers (a pattern matches the request's path
     * within the application), with the path read once per lookup.
     */
    private static boolean anyMatches(PathPatternsRequestCondition paths, HttpServletRequest request) {
        PathContainer path = LOOKING_UP.get();
        if (path == null) {
            return paths.getMatchingCondition(request) != null;
        }
        for (PathPattern pattern : paths.getPatterns()) {
            if (pattern.matches(path)) {
                return true;
            }
        }
        return false;
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        WebMvcRegistrations pathFirstHandlerMapping() {
            return new WebMvcRegistrations() {
                @Override
                public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                    return new PathFirstHandlerMapping();
                }
            };
        }
    }
}
