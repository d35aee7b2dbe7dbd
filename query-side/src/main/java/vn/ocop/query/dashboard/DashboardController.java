package vn.ocop.query.dashboard;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.ocop.query.common.ServedProvinces;
import vn.ocop.query.common.ShadowReplay;
import vn.ocop.reference.AdministrativeUnits;

/** The dashboards. */
@RestController
@RequestMapping("/api/dashboard")
class DashboardController {

    private final DashboardQueries queries;
    private final DistrictBreakdown districts;
    private final ShadowReplay history;
    private final AdministrativeUnits units;
    private final ServedProvinces provinces;

    DashboardController(DashboardQueries queries, DistrictBreakdown districts, ShadowReplay history,
                        AdministrativeUnits units, ServedProvinces provinces) {
        this.queries = queries;
        this.districts = districts;
        this.history = history;
        this.units = units;
        this.provinces = provinces;
    }

    /**
     * Headline counts; support figures for {@code fiscalYear} (default: the current year). With {@code asOf}, the
     * figures as they stood at that instant; with {@code effectiveOn}, as in effect on that business date, from
     * the decisions dated by then (every dashboard takes both). With {@code province}, the figures of that province
     * served alone: its records under old codes and new, its budget lines under its own and its former codes.
     */
    @GetMapping("/overview")
    Overview overview(@RequestParam(required = false) @Min(2018) @Max(2100) Integer fiscalYear,
                      @RequestParam(required = false) String province,
                      @RequestParam(required = false) Instant asOf,
                      @RequestParam(required = false) LocalDate effectiveOn) {
        DashboardQueries.Place place = place(province);
        return history.at(asOf, effectiveOn, date -> queries.overview(date, yearOr(fiscalYear, date), place));
    }

    /** The same figures per province served, each with its communes (old codes and new). */
    @GetMapping("/provinces")
    List<DistrictFigures> provinces(@RequestParam(required = false) @Min(2018) @Max(2100) Integer fiscalYear,
                                    @RequestParam(required = false) Instant asOf,
                                    @RequestParam(required = false) LocalDate effectiveOn) {
        return history.at(asOf, effectiveOn, date -> districts.byProvince(yearOr(fiscalYear, date)));
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
                                    @RequestParam(required = false) String province,
                                    @RequestParam(required = false) Instant asOf,
                                    @RequestParam(required = false) LocalDate effectiveOn) {
        String served = served(province);
        return history.at(asOf, effectiveOn, date -> districts.byDistrict(yearOr(fiscalYear, date), served));
    }

    /**
     * The same figures per commune-level unit in force since 2025-07-01: records made under an old commune count
     * in the unit that took it over (a split commune in one of them, docs/administrative-units.md).
     */
    @GetMapping("/units")
    List<DistrictFigures> units(@RequestParam(required = false) @Min(2018) @Max(2100) Integer fiscalYear,
                                @RequestParam(required = false) String province,
                                @RequestParam(required = false) Instant asOf,
                                @RequestParam(required = false) LocalDate effectiveOn) {
        String served = served(province);
        return history.at(asOf, effectiveOn, date -> districts.byCurrentUnit(yearOr(fiscalYear, date), served));
    }

    private String served(String province) {
        return provinces.check(province);
    }

    private DashboardQueries.Place place(String province) {
        String code = served(province);
        if (code == null) {
            return null;
        }
        AdministrativeUnits.Province served = units.province(code).orElseThrow();
        Set<String> budgetCodes = new LinkedHashSet<>(List.of(code));
        served.formerProvinces().forEach(former -> budgetCodes.add(former.code()));
        return new DashboardQueries.Place(provinces.codesOf(code).toArray(String[]::new),
                budgetCodes.toArray(String[]::new));
    }

    private static int yearOr(Integer fiscalYear, LocalDate date) {
        return fiscalYear == null ? date.getYear() : fiscalYear;
    }
}
