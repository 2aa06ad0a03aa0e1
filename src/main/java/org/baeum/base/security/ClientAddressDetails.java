package org.baeum.base.security;

import jakarta.servlet.http.HttpServletRequest;
import java.io.Serial;
import java.io.Serializable;

/**
 * Authentication details: the client address the request came from (after {@code BAEUM_FORWARD_HEADERS}
 * processing, so behind the reverse proxy it is the browser's address).
 */
public record ClientAddressDetails(String remoteAddress) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    public static ClientAddressDetails of(HttpServletRequest request) {
        return new ClientAddressDetails(request.getRemoteAddr());
    }
}
