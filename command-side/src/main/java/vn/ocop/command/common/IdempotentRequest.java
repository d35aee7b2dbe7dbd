package vn.ocop.command.common;

import jakarta.servlet.http.HttpServletRequest;

/**
 * An HTTP command request as idempotency sees it: the client's {@code Idempotency-Key} (or null), and the
 * method, path and parsed body that make two requests the same.
 */
public record IdempotentRequest(String key, String method, String path, Object body) {

    public static final String HEADER = "Idempotency-Key";
    private static final int MAX_KEY_LENGTH = 200;

    public static IdempotentRequest of(HttpServletRequest http, Object body) {
        String key = http.getHeader(HEADER);
        if (key != null && (key.isBlank() || key.length() > MAX_KEY_LENGTH)) {
            throw new InvalidHeader(HEADER, "an Idempotency-Key is 1 to " + MAX_KEY_LENGTH + " characters",
                    "Idempotency-Key dài từ 1 đến " + MAX_KEY_LENGTH + " ký tự");
        }
        return new IdempotentRequest(key, http.getMethod(), http.getRequestURI(), body);
    }
}
