package vn.ocop.query.report;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.ocop.query.common.InvalidQuery;
import vn.ocop.query.common.ShadowReplay;

/** The periodic review, as JSON, CSV or XLSX by the request's {@code Accept}. */
@RestController
@RequestMapping("/api/reports")
class ReportController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final AnnualReviews reviews;
    private final ShadowReplay history;

    ReportController(AnnualReviews reviews, ShadowReplay history) {
        this.reviews = reviews;
        this.history = history;
    }

    @GetMapping(value = "/annual-review", produces = MediaType.APPLICATION_JSON_VALUE)
    AnnualReview annualReview(@RequestParam @Min(2018) @Max(2100) int year,
                              @RequestParam(required = false) Instant asOf) {
        return review(year, asOf);
    }

    @GetMapping(value = "/annual-review", produces = "text/csv")
    ResponseEntity<byte[]> annualReviewCsv(@RequestParam @Min(2018) @Max(2100) int year,
                                           @RequestParam(required = false) Instant asOf) {
        return download(ReviewTable.of(review(year, asOf)).csv(), "text/csv;charset=UTF-8",
                "tong-ket-ocop-" + year + ".csv");
    }

    @GetMapping(value = "/annual-review", produces = XLSX)
    ResponseEntity<byte[]> annualReviewXlsx(@RequestParam @Min(2018) @Max(2100) int year,
                                            @RequestParam(required = false) Instant asOf) {
        return download(ReviewTable.of(review(year, asOf)).xlsx(), XLSX, "tong-ket-ocop-" + year + ".xlsx");
    }

    /** The years {@code from} to {@code to} summed, with each year's review. */
    @GetMapping(value = "/phase-summary", produces = MediaType.APPLICATION_JSON_VALUE)
    PhaseSummary phaseSummary(@RequestParam @Min(2018) @Max(2100) int from,
                              @RequestParam @Min(2018) @Max(2100) int to,
                              @RequestParam(required = false) Instant asOf) {
        return phase(from, to, asOf);
    }

    @GetMapping(value = "/phase-summary", produces = "text/csv")
    ResponseEntity<byte[]> phaseSummaryCsv(@RequestParam @Min(2018) @Max(2100) int from,
                                           @RequestParam @Min(2018) @Max(2100) int to,
                                           @RequestParam(required = false) Instant asOf) {
        return download(ReviewTable.of(phase(from, to, asOf)).csv(), "text/csv;charset=UTF-8",
                "tong-ket-ocop-" + from + "-" + to + ".csv");
    }

    @GetMapping(value = "/phase-summary", produces = XLSX)
    ResponseEntity<byte[]> phaseSummaryXlsx(@RequestParam @Min(2018) @Max(2100) int from,
                                            @RequestParam @Min(2018) @Max(2100) int to,
                                            @RequestParam(required = false) Instant asOf) {
        return download(ReviewTable.of(phase(from, to, asOf)).xlsx(), XLSX, "tong-ket-ocop-" + from + "-" + to + ".xlsx");
    }

    /**
     * A year's review: by the decisions' business dates within the year, from what was recorded up to
     * {@code asOf} (default: now). The two clocks together say, e.g., what the 2021 review looked like before a
     * late-entered 2021 decision was recorded.
     */
    private AnnualReview review(int year, Instant asOf) {
        return history.at(asOf, date -> reviews.of(year));
    }

    private PhaseSummary phase(int from, int to, Instant asOf) {
        if (to < from || to - from > 20) {
            throw new InvalidQuery("to", "A phase runs forward, over at most 21 years.",
                    "Giai đoạn phải có năm kết thúc sau năm bắt đầu và dài tối đa 21 năm.");
        }
        return history.at(asOf, date -> reviews.phase(from, to));
    }

    private static ResponseEntity<byte[]> download(byte[] content, String type, String fileName) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build()
                        .toString())
                .body(content);
    }
}
