package vn.ocop.query.report;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.ocop.query.common.InvalidQuery;

/** The periodic review, as JSON, CSV or XLSX by the request's {@code Accept}. */
@RestController
@RequestMapping("/api/reports")
class ReportController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final AnnualReviews reviews;

    ReportController(AnnualReviews reviews) {
        this.reviews = reviews;
    }

    @GetMapping(value = "/annual-review", produces = MediaType.APPLICATION_JSON_VALUE)
    AnnualReview annualReview(@RequestParam @Min(2018) @Max(2100) int year) {
        return reviews.of(year);
    }

    @GetMapping(value = "/annual-review", produces = "text/csv")
    ResponseEntity<byte[]> annualReviewCsv(@RequestParam @Min(2018) @Max(2100) int year) {
        return download(ReviewTable.of(reviews.of(year)).csv(), "text/csv;charset=UTF-8",
                "tong-ket-ocop-" + year + ".csv");
    }

    @GetMapping(value = "/annual-review", produces = XLSX)
    ResponseEntity<byte[]> annualReviewXlsx(@RequestParam @Min(2018) @Max(2100) int year) {
        return download(ReviewTable.of(reviews.of(year)).xlsx(), XLSX, "tong-ket-ocop-" + year + ".xlsx");
    }

    /** The years {@code from} to {@code to} summed, with each year's review. */
    @GetMapping(value = "/phase-summary", produces = MediaType.APPLICATION_JSON_VALUE)
    PhaseSummary phaseSummary(@RequestParam @Min(2018) @Max(2100) int from,
                              @RequestParam @Min(2018) @Max(2100) int to) {
        return phase(from, to);
    }

    @GetMapping(value = "/phase-summary", produces = "text/csv")
    ResponseEntity<byte[]> phaseSummaryCsv(@RequestParam @Min(2018) @Max(2100) int from,
                                           @RequestParam @Min(2018) @Max(2100) int to) {
        return download(ReviewTable.of(phase(from, to)).csv(), "text/csv;charset=UTF-8",
                "tong-ket-ocop-" + from + "-" + to + ".csv");
    }

    @GetMapping(value = "/phase-summary", produces = XLSX)
    ResponseEntity<byte[]> phaseSummaryXlsx(@RequestParam @Min(2018) @Max(2100) int from,
                                            @RequestParam @Min(2018) @Max(2100) int to) {
        return download(ReviewTable.of(phase(from, to)).xlsx(), XLSX, "tong-ket-ocop-" + from + "-" + to + ".xlsx");
    }

    private PhaseSummary phase(int from, int to) {
        if (to < from || to - from > 20) {
            throw new InvalidQuery("to", "A phase runs forward, over at most 21 years.",
                    "Giai đoạn phải có năm kết thúc sau năm bắt đầu và dài tối đa 21 năm.");
        }
        return reviews.phase(from, to);
    }

    private static ResponseEntity<byte[]> download(byte[] content, String type, String fileName) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build()
                        .toString())
                .body(content);
    }
}
