package vn.ocop.query.dashboard;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.ocop.query.common.Today;

/** The dashboards. */
@RestController
@RequestMapping("/api/dashboard")
class DashboardController {

    private final DashboardQueries queries;
    private final DistrictBreakdown districts;
    private final Today today;

    DashboardController(DashboardQueries queries, DistrictBreakdown districts, Today today) {
        this.queries = queries;
        this.districts = districts;
        this.today = today;
    }

    /** Headline counts; support figures for {@code fiscalYear} (default: the current year). */
    @GetMapping("/overview")
    Overview overview(@RequestParam(required = false) @Min(2018) @Max(2100) Integer fiscalYear) {
        return queries.overview(today.date(), today.yearOr(fiscalYear));
    }

    /** A fiscal year's support (default: the current year): budget lines and their use, by kind, source, district. */
    @GetMapping("/support")
    SupportDashboard support(@RequestParam(required = false) @Min(2018) @Max(2100) Integer fiscalYear) {
        return queries.support(today.yearOr(fiscalYear), districts::districtNameOf);
    }

    /**
     * The same figures per district-level unit (as before 2025-07-01) and per commune; supported products for
     * {@code fiscalYear} (default: the current year).
     */
    @GetMapping("/districts")
    java.util.List<DistrictFigures> districts(@RequestParam(required = false) @Min(2018) @Max(2100)
                                             Integer fiscalYear) {
        return districts.byDistrict(today.yearOr(fiscalYear));
    }
}
