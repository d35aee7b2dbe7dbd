package vn.ocop.infra.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageConversionException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import vn.ocop.command.common.DomainRuleViolation;
import vn.ocop.command.common.RequestInProgress;
import vn.ocop.infra.database.DatabaseOutage;
import vn.ocop.infra.node.NodeProperties;
import vn.ocop.infra.node.NodeRole;
import vn.ocop.query.common.InvalidQuery;
import vn.ocop.query.common.NotFound;
import vn.ocop.query.common.ViewNotCaughtUp;

/**
 * The one place where failures become RFC 9457 problem responses. Each has a stable {@code type}
 * ({@code urn:ocop:problem:<slug>}), a title and detail in English and Vietnamese, the offending fields
 * where there are any, and the request's correlation id. Nothing else of the failure leaves the service:
 * no stack trace, no SQL, no submitted values.
 */
@RestControllerAdvice
public class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemResponses.class);
    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    static final String TYPE_PREFIX = "urn:ocop:problem:";

    /** A field of the request and what is wrong with it. */
    record FieldError(String field, String message) {
    }

    private final NodeProperties node;

    ProblemResponses(NodeProperties node) {
        this.node = node;
    }

    @ExceptionHandler(DomainRuleViolation.class)
    ResponseEntity<Object> ruleViolated(DomainRuleViolation violation) {
        LOG.info("Command refused: {}{} (correlation id {})", TYPE_PREFIX, violation.problemType(),
                RequestCorrelation.current());
        HttpStatus status = HttpStatus.valueOf(violation.status());
        ProblemDetail problem = status == HttpStatus.BAD_REQUEST
                ? problem(status, violation.problemType(), "Invalid request", "Yêu cầu không hợp lệ",
                        violation.getMessage(), violation.messageVi())
                : problem(status, violation.problemType(), "A rule of the programme was broken",
                        "Vi phạm quy định của chương trình", violation.getMessage(), violation.messageVi());
        if (violation.field() != null) {
            problem.setProperty("errors", List.of(new FieldError(violation.field(), violation.getMessage())));
        }
        if (violation instanceof RequestInProgress) {
            return ResponseEntity.status(status).header(HttpHeaders.RETRY_AFTER, "1").body(withCorrelation(problem));
        }
        return respond(problem);
    }

    @ExceptionHandler(NotFound.class)
    ResponseEntity<Object> notFound(NotFound notFound) {
        return respond(problem(HttpStatus.NOT_FOUND, WebProblem.NOT_FOUND.slug(), "Not found", "Không tìm thấy",
                "No such " + notFound.resource() + ".", "Không tìm thấy dữ liệu được yêu cầu."));
    }

    @ExceptionHandler(InvalidQuery.class)
    ResponseEntity<Object> invalidQuery(InvalidQuery invalid) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, WebProblem.INVALID_FIELD.slug(), "Invalid request",
                "Yêu cầu không hợp lệ", invalid.getMessage(), invalid.messageVi());
        problem.setProperty("errors", List.of(new FieldError(invalid.field(), invalid.getMessage())));
        return respond(problem);
    }

    /** Read-your-writes waited its bounded time and the view is still behind: retry shortly. */
    @ExceptionHandler(ViewNotCaughtUp.class)
    ResponseEntity<Object> viewBehind(ViewNotCaughtUp behind) {
        ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, WebProblem.VIEW_NOT_CAUGHT_UP.slug(),
                "View not caught up", "Dữ liệu chưa cập nhật kịp",
                "The view has not yet reached the requested version; retry in a moment.",
                "Dữ liệu hiển thị chưa cập nhật tới phiên bản yêu cầu; vui lòng thử lại sau giây lát.");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                .body(withCorrelation(problem));
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<Object> noSuchAggregate(AggregateNotFoundException missing) {
        return respond(noSuchRecord());
    }

    /** Seconds a client is asked to wait; the pool gives up on a connection sooner (see application.yml). */
    static final String DATABASE_RETRY_AFTER_SECONDS = "2";

    /**
     * The database is out of reach: nothing about the request is known to be wrong, so retry — a command with
     * the same {@code Idempotency-Key}, which makes the retry safe even when the first commit went through unseen.
     */
    static ProblemDetail databaseUnavailable() {
        return problemOf(WebProblem.DATABASE_UNAVAILABLE, "Database unavailable",
                "Cơ sở dữ liệu tạm thời không truy cập được",
                "The database cannot be reached, or has no free connection, at the moment. Retry after the time in "
                        + "Retry-After; for a command, retry with the same Idempotency-Key so that it takes effect "
                        + "exactly once.",
                "Tạm thời không truy cập được cơ sở dữ liệu hoặc cơ sở dữ liệu đang quá tải. Vui lòng thử lại sau thời "
                        + "gian ghi trong Retry-After; với lệnh ghi, hãy gửi lại cùng Idempotency-Key để lệnh chỉ có "
                        + "hiệu lực một lần.");
    }

    /** The answer for a command on a record that does not exist — or that the sender may not know exists. */
    public static ProblemDetail noSuchRecord() {
        return problemOf(WebProblem.NOT_FOUND, "Not found", "Không tìm thấy", "There is no such record to act on.",
                "Không có hồ sơ này để thực hiện thao tác.");
    }

    /** The client's {@code If-Match} names a version older than the record's current one. */
    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ResponseEntity<Object> staleVersion(ConflictingAggregateVersionException stale) {
        return respond(problem(HttpStatus.PRECONDITION_FAILED, WebProblem.STALE_VERSION.slug(), "Stale version",
                "Phiên bản đã cũ",
                "The record changed since the version given in If-Match; read it again and retry.",
                "Hồ sơ đã thay đổi so với phiên bản trong If-Match; hãy tải lại và thử lại."));
    }

    @ExceptionHandler({ConcurrencyException.class, AggregateStreamCreationException.class})
    ResponseEntity<Object> concurrentChange(RuntimeException conflict) {
        return respond(problem(HttpStatus.CONFLICT, WebProblem.CONCURRENT_MODIFICATION.slug(), "Concurrent modification",
                "Xung đột cập nhật đồng thời",
                "Another change to the same record was accepted first; read it again and retry.",
                "Một thay đổi khác trên cùng hồ sơ đã được ghi nhận trước; hãy tải lại và thử lại."));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception failure) {
        if (DatabaseOutage.causes(failure)) {
            LOG.warn("Request failed: the database is out of reach ({})", failure.toString());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, DATABASE_RETRY_AFTER_SECONDS).body(databaseUnavailable());
        }
        LOG.error("Request failed unexpectedly", failure);
        return respond(problem(HttpStatus.INTERNAL_SERVER_ERROR, WebProblem.INTERNAL_ERROR.slug(), "Internal error",
                "Lỗi hệ thống",
                "The request could not be completed. Quote the correlation id when reporting it.",
                "Không thể hoàn tất yêu cầu. Vui lòng cung cấp mã tương quan khi báo lỗi."));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException invalid,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = invalid.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldError(error.getField(), error.getDefaultMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, WebProblem.INVALID_FIELD.slug(), "Invalid request",
                "Yêu cầu không hợp lệ",
                errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")),
                "Một số trường không hợp lệ: " + errors.stream().map(FieldError::field).distinct()
                        .collect(Collectors.joining(", ")));
        problem.setProperty("errors", errors);
        return respond(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException unreadable,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return respond(unreadableBody(unreadable.getCause()));
    }

    /**
     * A body Jackson could not bind for a reason of its own making (Spring calls it a type definition error):
     * still the request's fault, never the service's, so a 400 like any other body that cannot be read.
     */
    @ExceptionHandler(HttpMessageConversionException.class)
    ResponseEntity<Object> unconvertibleBody(HttpMessageConversionException unconvertible) {
        return respond(unreadableBody(unconvertible.getCause()));
    }

    /** What is wrong with a body that could not be read, as the problem that names it. */
    private static ProblemDetail unreadableBody(Throwable cause) {
        ProblemDetail problem;
        StreamReadException duplicate = duplicateField(cause);
        if (duplicate != null) {
            String field = path(duplicate.getProcessor().getParsingContext());
            problem = problem(HttpStatus.BAD_REQUEST, WebProblem.DUPLICATE_FIELD.slug(), "Duplicate field",
                    "Trường bị lặp",
                    "The field '" + field + "' appears twice; give each field once.",
                    "Trường '" + field + "' xuất hiện hai lần; mỗi trường chỉ được ghi một lần.");
            problem.setProperty("errors", List.of(new FieldError(field, "given twice")));
        } else if (cause instanceof UnrecognizedPropertyException unknown) {
            String field = path(unknown);
            problem = problem(HttpStatus.BAD_REQUEST, WebProblem.UNKNOWN_FIELD.slug(), "Unknown field",
                    "Trường không được hỗ trợ",
                    "The field '" + field + "' is not part of this request.",
                    "Trường '" + field + "' không thuộc yêu cầu này.");
            problem.setProperty("errors", List.of(new FieldError(field, "unknown field")));
        } else if (cause instanceof MismatchedInputException trailing
                && trailing.getOriginalMessage().startsWith("Trailing token")) {
            problem = problem(HttpStatus.BAD_REQUEST, WebProblem.MALFORMED_JSON.slug(), "Malformed JSON",
                    "JSON không hợp lệ",
                    "The request body goes on after its JSON value; send one JSON object and nothing after it.",
                    "Nội dung yêu cầu còn ký tự sau giá trị JSON; chỉ gửi một đối tượng JSON, không thêm gì sau nó.");
            problem.setProperty("errors", List.of(new FieldError("(body)", "content after the JSON value")));
        } else if (cause instanceof InvalidFormatException || cause instanceof MismatchedInputException
                || cause instanceof InvalidDefinitionException || cause instanceof ValueInstantiationException) {
            String field = path((JsonMappingException) cause);
            problem = problem(HttpStatus.BAD_REQUEST, WebProblem.INVALID_FIELD_TYPE.slug(), "Wrong type of value",
                    "Sai kiểu dữ liệu",
                    "The field '" + field + "' has a value of the wrong type or form.",
                    "Giá trị của trường '" + field + "' sai kiểu hoặc sai định dạng.");
            problem.setProperty("errors", List.of(new FieldError(field, "wrong type or form")));
        } else if (cause instanceof JsonProcessingException) {
            problem = problem(HttpStatus.BAD_REQUEST, WebProblem.MALFORMED_JSON.slug(), "Malformed JSON",
                    "JSON không hợp lệ",
                    "The request body is not well-formed JSON.", "Nội dung yêu cầu không phải JSON hợp lệ.");
            problem.setProperty("errors", List.of(new FieldError("(body)", "not well-formed JSON")));
        } else {
            problem = problem(HttpStatus.BAD_REQUEST, WebProblem.UNREADABLE_BODY.slug(), "Unreadable request body",
                    "Không đọc được nội dung yêu cầu",
                    "The request body is missing or cannot be read.", "Thiếu nội dung yêu cầu hoặc không đọc được.");
        }
        return problem;
    }

    /** A query or path parameter breaks its constraint (e.g. {@code size=500}). */
    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException invalid,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = invalid.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> new FieldError(
                        result.getMethodParameter().getParameterName(), error.getDefaultMessage())))
                .toList();
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, WebProblem.INVALID_FIELD.slug(), "Invalid request",
                "Yêu cầu không hợp lệ",
                errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")),
                "Một số tham số không hợp lệ: " + errors.stream().map(FieldError::field).distinct()
                        .collect(Collectors.joining(", ")));
        problem.setProperty("errors", errors);
        return respond(problem);
    }

    /** A query or path parameter of the wrong type or an unknown value (e.g. {@code stage=SOMETIMES}). */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException mismatch, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String field = mismatch.getPropertyName() == null ? "(parameter)" : mismatch.getPropertyName();
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, WebProblem.INVALID_FIELD_TYPE.slug(),
                "Wrong type of value", "Sai kiểu dữ liệu",
                "The parameter '" + field + "' has a value of the wrong type or form.",
                "Giá trị của tham số '" + field + "' sai kiểu hoặc sai định dạng.");
        problem.setProperty("errors", List.of(new FieldError(field, "wrong type or form")));
        return respond(problem);
    }

    /**
     * Security lets through only paths that some endpoint of the service serves; on a node that runs one side
     * only, such a path without a handler here belongs to the other side.
     */
    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException missing,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (node.runs(NodeRole.COMMAND) && node.runs(NodeRole.QUERY)) {
            return super.handleNoResourceFoundException(missing, headers, status, request);
        }
        return notServedHere();
    }

    /** The same for a path this node serves with other methods only (a list here, its command elsewhere). */
    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(HttpRequestMethodNotSupportedException
            unsupported, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (node.runs(NodeRole.COMMAND) && node.runs(NodeRole.QUERY)) {
            return super.handleHttpRequestMethodNotSupported(unsupported, headers, status, request);
        }
        return notServedHere();
    }

    private ResponseEntity<Object> notServedHere() {
        String roles = node.roles().stream().map(role -> role.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
        return respond(problem(HttpStatusCode.valueOf(WebProblem.NOT_SERVED_BY_THIS_NODE.status()), WebProblem.NOT_SERVED_BY_THIS_NODE.slug(),
                "Not served by this node", "Máy chủ này không phục vụ yêu cầu",
                "This node runs the " + roles + " role only; send the request to a node that runs the other.",
                "Máy chủ này chỉ chạy vai trò " + roles + "; hãy gửi yêu cầu tới máy chủ chạy vai trò còn lại."));
    }

    /** Spring MVC's own failures (unknown path, wrong method or media type, …) in the same shape. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception failure, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        HttpStatus httpStatus = HttpStatus.valueOf(status.value());
        String slug = httpStatus.name().toLowerCase().replace('_', '-');
        String detail = body instanceof ProblemDetail given && given.getDetail() != null
                ? given.getDetail() : httpStatus.getReasonPhrase();
        ProblemDetail problem = problem(httpStatus, slug, httpStatus.getReasonPhrase(),
                VIETNAMESE_TITLES.getOrDefault(httpStatus, "Yêu cầu không được chấp nhận"), detail,
                VIETNAMESE_TITLES.getOrDefault(httpStatus, "Yêu cầu không được chấp nhận") + ".");
        return ResponseEntity.status(status).headers(headers).body(withCorrelation(problem));
    }

    private static final Map<HttpStatus, String> VIETNAMESE_TITLES = Map.of(
            HttpStatus.NOT_FOUND, "Không tìm thấy",
            HttpStatus.METHOD_NOT_ALLOWED, "Phương thức không được hỗ trợ",
            HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Kiểu nội dung không được hỗ trợ",
            HttpStatus.NOT_ACCEPTABLE, "Không có định dạng phản hồi phù hợp",
            HttpStatus.BAD_REQUEST, "Yêu cầu không hợp lệ");

    /** Writes a problem straight to the response, for filters that answer before any controller runs. */
    public static void write(HttpServletResponse response, ObjectMapper json, ProblemDetail problem)
            throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }

    /** A problem of the exchange itself, as the security filters answer before any controller runs. */
    public static ProblemDetail problemOf(WebProblem kind, String title, String titleVi, String detail,
                                          String detailVi) {
        return withCorrelation(problem(HttpStatusCode.valueOf(kind.status()), kind.slug(), title, titleVi, detail,
                detailVi));
    }

    private static ProblemDetail problem(HttpStatusCode status, String slug, String title, String titleVi,
                                         String detail, String detailVi) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + slug));
        problem.setTitle(title);
        problem.setProperty("titleVi", titleVi);
        problem.setProperty("detailVi", detailVi);
        return problem;
    }

    private static ResponseEntity<Object> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(withCorrelation(problem));
    }

    private static ProblemDetail withCorrelation(ProblemDetail problem) {
        String correlationId = RequestCorrelation.current();
        if (correlationId != null) {
            problem.setProperty(RequestCorrelation.KEY, correlationId);
        }
        return problem;
    }

    /**
     * The parser's refusal of a key given twice, where the body has one; a request bound through a record's
     * constructor receives it wrapped in a mapping exception.
     */
    private static StreamReadException duplicateField(Throwable cause) {
        for (Throwable step = cause; step != null; step = step.getCause()) {
            if (step instanceof StreamReadException refused && refused.getProcessor() != null
                    && refused.getOriginalMessage() != null
                    && refused.getOriginalMessage().startsWith("Duplicate field")) {
                return refused;
            }
        }
        return null;
    }

    /** The path of the parser's current field, written as {@link #path(JsonMappingException)} writes one. */
    private static String path(JsonStreamContext context) {
        Deque<String> steps = new ArrayDeque<>();
        for (JsonStreamContext step = context; step != null && !step.inRoot(); step = step.getParent()) {
            if (step.inObject() && step.getCurrentName() != null) {
                steps.push(named(step.getCurrentName()));
            } else if (step.inArray()) {
                steps.push("[" + step.getCurrentIndex() + "]");
            }
        }
        String path = String.join("", steps);
        return path.isEmpty() ? "(body)" : path.startsWith(".") ? path.substring(1) : path;
    }

    /** The JSON path of the failing value, as dotted field names and [indexes]. */
    private static String path(JsonMappingException failure) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference step : failure.getPath()) {
            if (step.getFieldName() != null) {
                path.append(named(step.getFieldName()));
            } else if (step.getIndex() >= 0) {
                path.append('[').append(step.getIndex()).append(']');
            }
        }
        String named = path.toString();
        return named.isEmpty() ? "(body)" : named.startsWith(".") ? named.substring(1) : named;
    }

    /**
     * One named step of a path: {@code .name} for a field, {@code ['key']} for a map key that is not a name (a
     * criterion's code such as {@code 1.1}), as the rules name the same places.
     */
    private static String named(String name) {
        return FIELD_NAME.matcher(name).matches() ? "." + name : "['" + name + "']";
    }
}
