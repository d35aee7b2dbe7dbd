package vn.ocop.infra.web;

import java.util.Locale;

/** Problems of the HTTP exchange itself, answered the same way by every endpoint. */
public enum WebProblem {
    INVALID_FIELD(400, "A field is missing or its value breaks a constraint; see errors."),
    UNKNOWN_FIELD(400, "The body has a field the request does not define."),
    INVALID_FIELD_TYPE(400, "A field has a value of the wrong type or form."),
    DUPLICATE_FIELD(400, "A field appears twice in the same JSON object; see errors."),
    MALFORMED_JSON(400, "The body is not well-formed JSON, or goes on after its JSON value."),
    UNREADABLE_BODY(400, "The body is missing or cannot be read."),
    UNAUTHENTICATED(401, "The request carries no valid credentials: sign in (HTTP Basic or a bearer token)."),
    FORBIDDEN(403, "The account's role may not do this."),
    PASSWORD_CHANGE_REQUIRED(403, "The account must change its password (POST /api/account/password) first."),
    NOT_FOUND(404, "No such resource, or no such record to act on."),
    METHOD_NOT_ALLOWED(405, "The resource does not answer this method."),
    NOT_ACCEPTABLE(406, "No representation matches Accept."),
    CONCURRENT_MODIFICATION(409, "Another change to the same record was accepted first."),
    STALE_VERSION(412, "The record changed since the version given in If-Match."),
    PAYLOAD_TOO_LARGE(413, "The request body is larger than the service reads (ocop.web.max-body-size)."),
    UNSUPPORTED_MEDIA_TYPE(415, "The body's media type is not JSON."),
    INVALID_LIST(422, "A list to import has problems, each by row and column (errors, report); nothing was recorded."),
    IMPORT_STOPPED(422, "A command of an import was refused (report): the rows before it are recorded; mend and import again."),
    NOT_SERVED_BY_THIS_NODE(421, "This node's roles (ocop.node.roles) do not include the side that serves the request."),
    TOO_MANY_REQUESTS(429, "Too many requests (or failed sign-ins) from this account or address; see Retry-After."),
    INTERNAL_ERROR(500, "The request could not be completed; quote the correlation id."),
    VIEW_NOT_CAUGHT_UP(503, "The view has not yet reached the version asked for (minVersion); retry shortly."),
    DATABASE_UNAVAILABLE(503, "The database cannot be reached or has no free connection; retry after Retry-After (same Idempotency-Key).");

    private final int status;
    private final String meaning;

    WebProblem(int status, String meaning) {
        this.status = status;
        this.meaning = meaning;
    }

    public int status() {
        return status;
    }

    String meaning() {
        return meaning;
    }

    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
