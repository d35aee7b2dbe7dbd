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
import vn.ocop.query.common.ServedProvinces;
import vn.ocop.query.common.ShadowReplay;

/** The periodic review, as JSON, CSV or XLSX by the request's {@code Accept}. */
@RestController
@RequestMapping("/api/reports")
class ReportController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final AnnualReviews reviews;
    private final ShadowReplay history;
    private final ServedProvinces provinces;

    ReportController(AnnualReviews reviews, ShadowReplay history, ServedProvinces provinces) {
        this.reviews = reviews;
        this.history = history;
        this.provinces = provinces;
    }

    @GetMapping(value = "/annual-review", produces = MediaType.APPLICATION_JSON_VALUE)
    AnnualReview annualReview(@RequestParam @Min(2018) @Max(2100) int year,
                              @RequestParam(required = false) String province,
                              @RequestParam(required = false) Instant asOf) {
        return review(year, province, asOf);
    }

    @GetMapping(value = "/annual-review", produces = "text/csv")
    ResponseEntity<byte[]> annualReviewCsv(@RequestParam @Min(2018) @Max(2100) int year,
                                           @RequestParam(required = false) String province,
                                           @RequestParam(required = false) Instant asOf) {
        return download(ReviewTable.of(review(year, province, asOf)).csv(), "text/csv;charset=UTF-8",
                fileName(province, String.valueOf(year), "csv"));
    }

    @GetMapping(value = "/annual-review", produces = XLSX)
    ResponseEntity<byte[]> annualReviewXlsx(@RequestParam @Min(2018) @Max(2100) int year,
                                            @RequestParam(required = false) String province,
                                            @RequestParam(required = false) Instant asOf) {
        return download(ReviewTable.of(review(year, province, asOf)).xlsx(), XLSX,
                fileName(province, String.valueOf(year), "xlsx"));
    }

    /** The years {@code from} to {@code to} summed, with each year's review. */
    @GetMapping(value = "/phase-summary", produces = MediaType.APPLICATION_JSON_VALUE)
    PhaseSummary phaseSummary(@RequestParam @Min(2018) @Max(2100) int from,
                              @RequestParam @Min(2018) @Max(2100) int to,
                              @RequestParam(required = false) String province,
                              @RequestParam(required = false) Instant asOf) {
        return phase(from, to, province, asOf);
    }

    @GetMapping(value = "/phase-summary", produces = "text/csv")
    ResponseEntity<byte[]> phaseSummaryCsv(@RequestParam @Min(2018) @Max(2100) int from,
                                           @RequestParam @Min(2018) @Max(2100) int to,
                                           @RequestParam(required = false) String province,
                                           @RequestParam(required = false) Instant asOf) {
        return download(ReviewTable.of(phase(from, to, province, asOf)).csv(), "text/csv;charset=UTF-8",
                fileName(province, from + "-" + to, "csv"));
    }

    @GetMapping(value = "/phase-summary", produces = XLSX)
    ResponseEntity<byte[]> phaseSummaryXlsx(@RequestParam @Min(2018) @Max(2100) int from,
                                            @RequestParam @Min(2018) @Max(2100) int to,
                                            @RequestParam(required = false) String province,
                                            @RequestParam(required = false) Instant asOf) {
        return download(ReviewTable.of(phase(from, to, province, asOf)).xlsx(), XLSX,
                fileName(province, from + "-" + to, "xlsx"));
    }

    /**
     * A year's review: by the decisions' business dates within the year, from what was recorded up to
     * {@code asOf} (default: now). The two clocks together say, e.g., what the 2021 review looked like before a
     * late-entered 2021 decision was recorded.
     */
    private AnnualReview review(int year, String province, Instant asOf) {
        String served = provinces.check(province);
        return history.at(asOf, date -> reviews.of(year, served));
    }

    /** {@code tong-ket-ocop-2024.csv}, or with the province asked for {@code tong-ket-ocop-51-2024.csv}. */
    private static String fileName(String province, String years, String extension) {
        return "tong-ket-ocop-" + (province == null ? "" : province + "-") + years + "." + extension;
    }

    private PhaseSummary phase(int from, int to, String province, Instant asOf) {
        if (to < from || to - from > 20) {
            throw new InvalidQuery("to", "A phase runs forward, over at most 21 years.",
                    "Giai đoạn phải có năm kết thúc sau năm bắt đầu và dài tối đa 21 năm.");
        }
        String served = provinces.check(province);
        return history.at(asOf, date -> reviews.phase(from, to, served));
    }

    private static ResponseEntity<byte[]> download(byte[] content, String type, String fileName) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build()
                        .toString())
                .body(content);
    }
}
