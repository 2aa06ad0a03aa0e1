package org.baeum.base.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.security.web.header.HeaderWriter;

/**
 * The portal's Content-Security-Policy (docs/decisions/0019-security-headers.md).
 * <ul>
 *   <li>The UI: everything from the portal itself; scripts only from the portal or inline with this request's nonce
 *   (Vaadin's bootstrap page has inline scripts; {@link ScriptNonces} stamps the nonce on them). {@code 'unsafe-eval'}
 *   stays because Flow 25.2's client engine builds a function from every {@code executeJs} and event expression the
 *   server sends: without it nothing renders. {@code 'unsafe-inline'} styles stay because Vaadin's components and
 *   Flow's {@code @CssImport} add inline style elements and attributes.</li>
 *   <li>The API and the actuator answer JSON only: nothing may load, nobody may frame it.</li>
 * </ul>
 */
final class ContentSecurityPolicy implements HeaderWriter {

    static final String HEADER = "Content-Security-Policy";
    static final String STRICT = "default-src 'none'; frame-ancestors 'none'";
    static final String NONCE_ATTRIBUTE = ContentSecurityPolicy.class.getName() + ".nonce";

    private static final SecureRandom RANDOM = new SecureRandom();

    /** The UI's policy with the request's script nonce. */
    static String ui(String nonce) {
        return "default-src 'self'; "
                + "script-src 'self' 'nonce-" + nonce + "' 'unsafe-eval'; "
                + "style-src 'self' 'unsafe-inline'; "
                + "img-src 'self' data:; "
                + "font-src 'self' data:; "
                + "connect-src 'self'; "
                + "frame-src 'self'; "
                + "object-src 'none'; "
                + "base-uri 'self'; "
                + "form-action 'self'; "
                + "frame-ancestors 'self'";
    }

    /**
     * The request's nonce: 128 random bits, made when first asked for and kept as a request attribute, so the header
     * and the page's script tags (a forward later, in Vaadin's servlet) carry the same one.
     */
    static String nonce(HttpServletRequest request) {
        Object existing = request.getAttribute(NONCE_ATTRIBUTE);
        if (existing instanceof String nonce) {
            return nonce;
        }
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String nonce = Base64.getEncoder().encodeToString(bytes);
        request.setAttribute(NONCE_ATTRIBUTE, nonce);
        return nonce;
    }

    @Override
    public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
        if (!response.containsHeader(HEADER)) {
            response.setHeader(HEADER, ui(nonce(request)));
        }
    }
}
