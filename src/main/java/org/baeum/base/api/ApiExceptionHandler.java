package org.baeum.base.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.baeum.base.i18n.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The API's own answers to requests Spring MVC refuses before a controller runs (wrong method, media type, unreadable
 * body) and to unexpected failures: the API's JSON error shape, written at once. Left to Spring they went through the container's error page
 * ({@code /error}), which is outside the API's stateless chain. Requests outside {@code /api/} are left as they were.
 */
@RestControllerAdvice
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final Messages messages;

    ApiExceptionHandler(Messages messages) {
        this.messages = messages;
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, String>> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request,
                                               Locale locale) throws HttpRequestMethodNotSupportedException {
        requireApi(request, e);
        HttpHeaders headers = new HttpHeaders();
        if (e.getSupportedHttpMethods() != null) {
            headers.setAllow(e.getSupportedHttpMethods());
        }
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).headers(headers)
                .contentType(MediaType.APPLICATION_JSON)
                .body(ApiError.body("method_not_allowed", messages.get("api.methodNotAllowed", locale, e.getMethod())));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, String>> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request,
                                                  Locale locale) throws HttpMediaTypeNotSupportedException {
        requireApi(request, e);
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.ACCEPT, e.getSupportedMediaTypes().stream().map(MediaType::toString)
                .collect(Collectors.joining(", ")));
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).headers(headers)
                .contentType(MediaType.APPLICATION_JSON)
                .body(ApiError.body("unsupported_media_type", messages.get("api.unsupportedMediaType", locale)));
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<Map<String, String>> notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request,
                                                      Locale locale) throws HttpMediaTypeNotAcceptableException {
        requireApi(request, e);
        // the client does not accept JSON; JSON is still the only thing this API writes
        return ApiError.of(HttpStatus.NOT_ACCEPTABLE, "not_acceptable", messages.get("api.notAcceptable", locale));
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MissingServletRequestParameterException.class,
            MissingRequestHeaderException.class, MethodArgumentTypeMismatchException.class})
    ResponseEntity<Map<String, String>> unreadable(Exception e, HttpServletRequest request, Locale locale)
            throws Exception {
        requireApi(request, e);
        return ApiError.of(HttpStatus.BAD_REQUEST, "invalid_request", messages.get("api.badRequest", locale));
    }

    /**
     * Anything else a controller lets out: {@code 500 {"error": "internal_error", "message"}}, logged with the stack
     * trace. Refusals by Spring Security (403, 401) and exceptions that carry their own HTTP status pass on unchanged.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, String>> unexpected(Exception e, HttpServletRequest request, Locale locale)
            throws Exception {
        requireApi(request, e);
        if (e instanceof AccessDeniedException || e instanceof AuthenticationException) {
            throw e; // the API chain answers these (JSON 403 / 401)
        }
        if (e instanceof ErrorResponse status) {
            int code = status.getStatusCode().value();
            return ApiError.of(HttpStatus.valueOf(code), code == 404 ? "not_found" : "invalid_request",
                    messages.get(code == 404 ? "api.notFound" : "api.badRequest", locale));
        }
        log.error("API call {} {} failed", request.getMethod(), request.getRequestURI(), e);
        return ApiError.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error", messages.get("api.internalError", locale));
    }

    /** Outside the API, Spring's own handling stays: rethrowing passes the exception on unchanged. */
    private static <E extends Exception> void requireApi(HttpServletRequest request, E e) throws E {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith("/api/")) {
            throw e;
        }
    }
}
