package vn.ocop.query.dashboard;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.ocop.query.common.ShadowReplay;

/** The dashboards. */
@RestController
@RequestMapping("/api/dashboard")
class DashboardController {

    private final DashboardQueries queries;
    private final DistrictBreakdown districts;
    private final ShadowReplay history;

    DashboardController(DashboardQueries queries, DistrictBreakdown districts, ShadowReplay history) {
        this.queries = queries;
        this.districts = districts;
        this.history = history;
    }

    /**
     * Headline counts; support figures for {@code fiscalYear} (default: the current year). With {@code asOf}, the
     * figures as they stood at that instant; with {@code effectiveOn}, as in effect on that business date, from
     * the decisions dated by then (every dashboard takes both).
     */
    @GetMapping("/overview")
    Overview overview(@RequestParam(required = false) @Min(2018) @Max(2100) Integer fiscalYear,
                      @RequestParam(required = false) Instant asOf,
                      @RequestParam(required = false) LocalDate effectiveOn) {
        return history.at(asOf, effectiveOn, date -> queries.overview(date, yearOr(fiscalYear, date)));
    }

    /** A fiscal year's support (default: the current year): budget lines and their use, by kind, source, district. */
    @GetMapping("/support")
    SupportDashboard support(@RequestParam(required = false) @Min(2018) @Max(2100) Integer fiscalYear,
                             @RequestParam(required = false) Instant asOf,
                      @RequestParam(required = false) LocalDate effectiveOn) {
        return history.at(asOf, effectiveOn, date -> queries.support(yearOr(fiscalYear, date), districts::districtNameOf));
    }

    /**
     * The same figures per district-level unit (as before 2025-07-01) and per commune; supported products for
     * {@code fiscalYear} (default: the current year).
     */
    @GetMapping("/districts")
    List<DistrictFigures> districts(@RequestParam(required = false) @Min(2018) @Max(2100) Integer fiscalYear,
                                    @RequestParam(required = false) Instant asOf,
                      @RequestParam(required = false) LocalDate effectiveOn) {
        return history.at(asOf, effectiveOn, date -> districts.byDistrict(yearOr(fiscalYear, date)));
    }

    /**
     * The same figures per commune-level unit in force since 2025-07-01 (Quảng Ngãi's, for the former Kon Tum):
     * records made under an old commune count in the unit that took it over.
     */
    @GetMapping("/units")
    List<DistrictFigures> units(@RequestParam(required = false) @Min(2018) @Max(2100) Integer fiscalYear,
                                @RequestParam(required = false) Instant asOf,
                      @RequestParam(required = false) LocalDate effectiveOn) {
        return history.at(asOf, effectiveOn, date -> districts.byCurrentUnit(yearOr(fiscalYear, date)));
    }

    private static int yearOr(Integer fiscalYear, LocalDate date) {
        return fiscalYear == null ? date.getYear() : fiscalYear;
    }
}
