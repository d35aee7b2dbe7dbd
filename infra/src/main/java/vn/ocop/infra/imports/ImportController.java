package vn.ocop.infra.imports;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import io.swagger.v3.oas.annotations.media.Content;
import java.io.IOException;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.ocop.command.common.BusinessCalendar;
import vn.ocop.command.rulebook.Rulebook;
import vn.ocop.infra.loopback.LoopbackApi;
import vn.ocop.infra.node.ConditionalOnNodeRole;
import vn.ocop.infra.node.NodeRole;
import vn.ocop.infra.web.ProblemResponses;
import vn.ocop.infra.web.WebProblem;
import vn.ocop.query.common.NotFound;
import vn.ocop.reference.AdministrativeUnits;

/**
 * {@code POST /api/imports}: a provincial OCOP list (CSV or XLSX, as the body or as the multipart part
 * {@code file}) checked into a row-by-row report; with {@code dryRun=false} and no problem found, recorded as
 * commands. {@code Prefer: respond-async} answers 202 at once, with the import's address to follow its progress
 * ({@code GET /api/imports/{id}}); imports are kept an hour on the node that runs them.
 */
@RestController
@ConditionalOnNodeRole(NodeRole.COMMAND)
class ImportController {

    private final Rulebook rules;
    private final AdministrativeUnits units;
    private final BusinessCalendar calendar;
    private final ImportMarks marks;
    private final Cache<String, Job> jobs = Caffeine.newBuilder().expireAfterWrite(Duration.ofHours(1)).build();
    private final ExecutorService workers = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "list-import");
        thread.setDaemon(true);
        return thread;
    });

    ImportController(Rulebook rules, AdministrativeUnits units, BusinessCalendar calendar, ImportMarks marks) {
        this.rules = rules;
        this.units = units;
        this.calendar = calendar;
        this.marks = marks;
    }

    /** An import in progress or done: who started it and its report as it stands. */
    private record Job(String owner, Supplier<ImportReport> report) {
    }

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** What a list may come as: CSV, an XLSX workbook, bytes, or a form's file. */
    private static final List<String> LIST_TYPES = List.of("text/csv", "application/csv", "text/plain",
            XLSX, "application/octet-stream",
            "multipart/form-data");

    @PostMapping("/api/imports")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = "The list: CSV (UTF-8, the "
            + "first row naming the columns), an XLSX workbook (its first sheet), or either as the multipart part 'file'.",
            content = {@Content(mediaType = "text/csv"), @Content(mediaType = XLSX),
                @Content(mediaType = "multipart/form-data")})
    ResponseEntity<?> importList(@RequestParam(defaultValue = "true") boolean dryRun,
                                 @RequestHeader(name = "Prefer", required = false) String prefer,
                                 HttpServletRequest http) throws IOException, ServletException {
        String type = http.getContentType() == null ? "" : http.getContentType().split(";")[0].strip().toLowerCase();
        if (!LIST_TYPES.contains(type)) {
            return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ProblemResponses.problemOf(
                    WebProblem.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type", "Kiểu nội dung không được hỗ trợ",
                    "A list is sent as text/csv, as an XLSX workbook or as the form part 'file'.",
                    "Danh sách được gửi dưới dạng text/csv, bảng tính XLSX hoặc phần 'file' của biểu mẫu."));
        }
        byte[] file = file(http);
        String importId = UUID.randomUUID().toString();
        String sha256 = sha256(file);
        RegisterFile.Content content = RegisterFile.read(file);
        ListCheck.Result checked = new ListCheck(rules, units, calendar.today()).check(content);
        String owner = SecurityContextHolder.getContext().getAuthentication().getName();
        if (!checked.problems().isEmpty() || dryRun) {
            ImportReport report = new ImportReport(importId, dryRun, checked.problems().isEmpty() ? "CHECKED" : "INVALID",
                    sha256, checked.rows(), checked.listed().size(), checked.problems(), null,
                    new ImportReport.Progress(0, checked.listed().size()));
            jobs.put(importId, new Job(owner, () -> report));
            if (checked.problems().isEmpty()) {
                return ResponseEntity.ok(report);
            }
            ProblemDetail invalid = ProblemResponses.problemOf(WebProblem.INVALID_LIST, "Invalid list",
                    "Danh sách có lỗi", checked.problems().size() + " problem(s) in the list, each named by row and "
                            + "column; nothing was recorded.",
                    "Danh sách có " + checked.problems().size() + " lỗi, mỗi lỗi ghi rõ dòng và cột; chưa ghi nhận gì.");
            invalid.setProperty("errors", checked.problems());
            invalid.setProperty("report", report);
            return problem(HttpStatus.UNPROCESSABLE_ENTITY, invalid);
        }
        LoopbackApi api = new LoopbackApi("http://127.0.0.1:" + http.getLocalPort(), credentials(http));
        ListImport recording = new ListImport(api, importId, units);
        int total = checked.listed().size();
        AtomicReference<ImportReport.Applied> result = new AtomicReference<>();
        Supplier<ImportReport> report = () -> {
            ImportReport.Applied applied = result.get();
            String status = applied == null ? "RUNNING" : applied.stoppedAtRow() == null ? "APPLIED" : "STOPPED";
            return new ImportReport(importId, false, status, sha256, checked.rows(), total, List.of(), applied,
                    new ImportReport.Progress(recording.done(), total));
        };
        jobs.put(importId, new Job(owner, report));
        marks.started(importId);
        Runnable work = () -> {
            try {
                result.set(recording.apply(checked.listed()));
            } finally {
                marks.ended(importId);
            }
        };
        if (prefer != null && prefer.contains("respond-async")) {
            workers.submit(work);
            return ResponseEntity.accepted().location(URI.create("/api/imports/" + importId)).body(report.get());
        }
        work.run();
        ImportReport done = report.get();
        if ("APPLIED".equals(done.status())) {
            return ResponseEntity.created(URI.create("/api/imports/" + importId)).body(done);
        }
        ProblemDetail stopped = ProblemResponses.problemOf(WebProblem.IMPORT_STOPPED, "Import stopped",
                "Việc nhập dừng lại", "Row " + done.applied().stoppedAtRow() + " was refused (" + done.applied().refusal()
                        + "); the " + done.applied().rowsRecorded() + " rows before it are recorded.",
                "Dòng " + done.applied().stoppedAtRow() + " bị từ chối (" + done.applied().refusal() + "); "
                        + done.applied().rowsRecorded() + " dòng trước đó đã được ghi nhận.");
        stopped.setProperty("report", done);
        return problem(HttpStatus.UNPROCESSABLE_ENTITY, stopped);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, ProblemDetail problem) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** An import's report as it stands: its progress while it runs. Only its own user sees it. */
    @GetMapping("/api/imports/{id}")
    ImportReport progress(@PathVariable String id) {
        Job job = jobs.getIfPresent(id);
        if (job == null || !job.owner().equals(SecurityContextHolder.getContext().getAuthentication().getName())) {
            throw new NotFound("import");
        }
        return job.report().get();
    }

    @ExceptionHandler(RegisterFile.Unreadable.class)
    ResponseEntity<ProblemDetail> unreadable(RegisterFile.Unreadable failure) {
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(
                ProblemResponses.problemOf(WebProblem.UNREADABLE_BODY, "Unreadable list", "Không đọc được danh sách",
                        "The body is neither a CSV file nor an XLSX workbook (" + failure.getMessage() + ").",
                        "Nội dung không phải tệp CSV hay bảng tính XLSX (" + failure.getMessage() + ")."));
    }

    private static byte[] file(HttpServletRequest http) throws IOException, ServletException {
        String type = http.getContentType();
        if (type != null && type.startsWith("multipart/")) {
            Part part = http.getPart("file");
            if (part == null) {
                throw new RegisterFile.Unreadable("a multipart import carries the list in the part 'file'", null);
            }
            return part.getInputStream().readAllBytes();
        }
        return http.getInputStream().readAllBytes();
    }

    /** The importing request's own credentials, for the commands it records: its Basic or bearer, or its session. */
    private static Map<String, String> credentials(HttpServletRequest http) {
        Map<String, String> headers = new HashMap<>();
        String authorization = http.getHeader("Authorization");
        if (authorization != null) {
            headers.put("Authorization", authorization);
            return headers;
        }
        if (http.getHeader("Cookie") != null) {
            headers.put("Cookie", http.getHeader("Cookie"));
        }
        if (http.getCookies() != null) {
            for (Cookie cookie : http.getCookies()) {
                if (cookie.getName().equals("XSRF-TOKEN")) {
                    headers.put("X-XSRF-TOKEN", cookie.getValue());
                }
            }
        }
        return headers;
    }

    private static String sha256(byte[] file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
