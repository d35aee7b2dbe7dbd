package vn.ocop.query.dashboard;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The dashboards. */
@RestController
@RequestMapping("/api/dashboard")
class DashboardController {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final DashboardQueries queries;
    private final DistrictBreakdown districts;
    private final Clock clock;

    DashboardController(DashboardQueries queries, DistrictBreakdown districts, Clock clock) {
        this.queries = queries;
        this.districts = districts;
        this.clock = clock;
    }

    /** Headline counts; support figures for {@code fiscalYear} (default: the current year). */
    @GetMapping("/overview")
    Overview overview(@RequestParam(required = false) @Min(2018) @Max(2100) Integer fiscalYear) {
        LocalDate today = LocalDate.now(clock.withZone(VIETNAM));
        return queries.overview(today, fiscalYear == null ? today.getYear() : fiscalYear);
    }

    /** A fiscal year's support (default: the current year): budget lines and their use, by kind, source, district. */
    @GetMapping("/support")
    SupportDashboard support(@RequestParam(required = false) @Min(2018) @Max(2100) Integer fiscalYear) {
        return queries.support(fiscalYear == null ? LocalDate.now(clock.withZone(VIETNAM)).getYear() : fiscalYear,
                districts::districtNameOf);
    }

    /**
     * The same figures per district-level unit (as before 2025-07-01) and per commune; supported products for
     * {@code fiscalYear} (default: the current year).
     */
    @GetMapping("/districts")
    java.util.List<DistrictFigures> districts(@RequestParam(required = false) @Min(2018) @Max(2100)
                                             Integer fiscalYear) {
        return districts.byDistrict(fiscalYear == null ? LocalDate.now(clock.withZone(VIETNAM)).getYear()
                : fiscalYear);
    }
}
