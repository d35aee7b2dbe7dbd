package vn.ocop.query.document;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.function.Supplier;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The documents of evaluations and dossiers, as PDF (the default) or XLSX — by {@code Accept}, or by
 * {@code ?format=xlsx} for a plain download link.
 */
@RestController
class DocumentController {

    static final String PDF = "application/pdf";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final EvaluationDocuments documents;

    DocumentController(EvaluationDocuments documents) {
        this.documents = documents;
    }

    @GetMapping(value = "/api/evaluations/{id}/documents/member-sheets/{member}", produces = {PDF, XLSX})
    ResponseEntity<byte[]> memberSheet(@PathVariable String id, @PathVariable @Min(1) @Max(50) int member,
                                       @RequestParam(required = false) String format,
                                       @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        return download(() -> documents.memberSheet(id, member), format, accept);
    }

    @GetMapping(value = "/api/evaluations/{id}/documents/summary", produces = {PDF, XLSX})
    ResponseEntity<byte[]> summary(@PathVariable String id, @RequestParam(required = false) String format,
                                   @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        return download(() -> documents.councilSummary(id), format, accept);
    }

    @GetMapping(value = "/api/products/{id}/documents/self-assessment", produces = {PDF, XLSX})
    ResponseEntity<byte[]> selfAssessment(@PathVariable String id, @RequestParam(required = false) String set,
                                          @RequestParam(required = false) String format,
                                          @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        return download(() -> documents.selfAssessment(id, set), format, accept);
    }

    @GetMapping(value = "/api/products/{id}/documents/commune-report", produces = {PDF, XLSX})
    ResponseEntity<byte[]> communeReport(@PathVariable String id, @RequestParam(required = false) String format,
                                         @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        return download(() -> documents.communeReport(id), format, accept);
    }

    private static ResponseEntity<byte[]> download(Supplier<PrintedDocument> built, String format, String accept) {
        boolean xlsx = "xlsx".equalsIgnoreCase(format)
                || (format == null && accept != null && accept.contains("spreadsheetml") && !accept.contains(PDF));
        PrintedDocument document = built.get();
        byte[] body = xlsx ? XlsxDocuments.render(document) : PdfDocuments.render(document);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, xlsx ? XLSX : PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(document.fileName() + (xlsx ? ".xlsx" : ".pdf")).build().toString())
                .body(body);
    }
}
