package org.baeum.base.api;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The API's error shape, {@code {"error": <code>, "message": <translated text>}}, shared by the API-wide handlers. */
final class ApiError {

    private ApiError() {
    }

    static Map<String, String> body(String code, String message) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("message", message);
        return body;
    }

    static ResponseEntity<Map<String, String>> of(HttpStatus status, String code, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body(code, message));
    }
}
