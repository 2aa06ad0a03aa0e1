package org.baeum.base.domain;

import java.util.Optional;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * What one HTTP request has already read, kept for the rest of that request only (a request attribute), so a
 * document read by the sign-in filter is not read again by the service the same request calls. Outside an HTTP request
 * (jobs, tests without one) nothing is kept. Whoever writes a remembered document forgets it first.
 */
public final class RequestMemo {

    private static final String PREFIX = RequestMemo.class.getName() + ".";

    private RequestMemo() {
    }

    public static <T> Optional<T> get(String key, Class<T> type) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return Optional.empty();
        }
        Object value = request.getAttribute(PREFIX + key, RequestAttributes.SCOPE_REQUEST);
        return type.isInstance(value) ? Optional.of(type.cast(value)) : Optional.empty();
    }

    public static void put(String key, Object value) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null && value != null) {
            request.setAttribute(PREFIX + key, value, RequestAttributes.SCOPE_REQUEST);
        }
    }

    public static void forget(String key) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.removeAttribute(PREFIX + key, RequestAttributes.SCOPE_REQUEST);
        }
    }
}
