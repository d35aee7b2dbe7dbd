package vn.ocop.query.dashboard;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.ocop.query.common.ServedProvinces;
import vn.ocop.query.common.JsonAnswer;
import vn.ocop.query.common.PresentAnswers;
import vn.ocop.reference.AdministrativeUnits;

import static vn.ocop.query.common.PresentAnswers.arguments;

/**
 * The dashboards. Their answers of the present are kept while the views stay as they were ({@link PresentAnswers}):
 * they hold counts only, no personal data.
 */
@RestController
@RequestMapping("/api/dashboard")
class DashboardController {

    private final DashboardQueries queries;
    private final DistrictBreakdown districts;
    private final PresentAnswers answers;
    private final AdministrativeUnits units;
    private final ServedProvinces provinces;

    DashboardController(DashboardQueries queries, DistrictBreakdown districts, PresentAnswers answers,
                        AdministrativeUnits units, ServedProvinces provinces) {
        this.queries = queries;
        this.districts = districts;
        this.answers = answers;
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
    ResponseEntity<JsonAnswer<Overview>> overview(
            @RequestParam(required = false) @Min(2018) @Max(2100) Integer fiscalYear,
            @RequestParam(required = false) String province,
            @RequestParam(required = false) Instant asOf,
            @RequestParam(required = false) LocalDate effectiveOn) {
        String served = served(province);
        DashboardQueries.Place place = place(served);
        return answers.at(asOf, effectiveOn, "overview", arguments(fiscalYear, served),
                date -> queries.overview(date, yearOr(fiscalYear, date), place));
    }

    /** The same figures per province served, each with its communes (old codes and new). */
    @GetMapping("/provinces")
    ResponseEntity<JsonAnswer<List<DistrictFigures>>> provinces(
            @RequestParam(required = false) @Min(2018) @Max(2100) Integer fiscalYear,
            @RequestParam(required = false) Instant asOf,
            @RequestParam(required = false) LocalDate effectiveOn) {
        return answers.at(asOf, effectiveOn, "provinces", arguments(fiscalYear),
                date -> districts.byProvince(yearOr(fiscalYear, date)));
    }

    /** A fiscal year's support (default: the current year): budget lines and their use, by kind, source, district. */
    @GetMapping("/support")
    ResponseEntity<JsonAnswer<SupportDashboard>> support(
            @RequestParam(required = false) @Min(2018) @Max(2100) Integer fiscalYear,
            @RequestParam(required = false) Instant asOf,
            @RequestParam(required = false) LocalDate effectiveOn) {
        return answers.at(asOf, effectiveOn, "support", arguments(fiscalYear),
                date -> queries.support(yearOr(fiscalYear, date), districts::districtNameOf));
    }

    /**
     * The same figures per district-level unit (as before 2025-07-01) and per commune; supported products for
     * {@code fiscalYear} (default: the current year).
     */
    @GetMapping("/districts")
    ResponseEntity<JsonAnswer<List<DistrictFigures>>> districts(
            @RequestParam(required = false) @Min(2018) @Max(2100) Integer fiscalYear,
            @RequestParam(required = false) String province,
            @RequestParam(required = false) Instant asOf,
            @RequestParam(required = false) LocalDate effectiveOn) {
        String served = served(province);
        return answers.at(asOf, effectiveOn, "districts", arguments(fiscalYear, served),
                date -> districts.byDistrict(yearOr(fiscalYear, date), served));
    }

    /**
     * The same figures per commune-level unit in force since 2025-07-01: records made under an old commune count
     * in the unit that took it over (a split commune in one of them, docs/administrative-units.md).
     */
    @GetMapping("/units")
    ResponseEntity<JsonAnswer<List<DistrictFigures>>> units(
            @RequestParam(required = false) @Min(2018) @Max(2100) Integer fiscalYear,
            @RequestParam(required = false) String province,
            @RequestParam(required = false) Instant asOf,
            @RequestParam(required = false) LocalDate effectiveOn) {
        String served = served(province);
        return answers.at(asOf, effectiveOn, "units", arguments(fiscalYear, served),
                date -> districts.byCurrentUnit(yearOr(fiscalYear, date), served));
    }

    private String served(String province) {
        return provinces.check(province);
    }

    /** The codes of a province served (checked already), for its records and its budget lines; null: every one. */
    private DashboardQueries.Place place(String code) {
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
