package vn.ocop.query.reference;

import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.ocop.query.common.NotFound;
import vn.ocop.query.common.Today;
import vn.ocop.reference.CountryUnits;

/**
 * The whole country's administrative units by date, with the 2025 crosswalk both ways: before 2025-07-01 the 63
 * provinces with their districts and communes, each commune with the unit(s) that took it over; from then the 34
 * provinces with their communes, each with what formed it. An integrator loading a province's past checks its
 * codes here, whatever the province.
 */
@RestController
@RequestMapping("/api/reference/provinces")
class CountryUnitsController {

    /** A province in force on the date; before 2025-07-01 the one that took it over, from then those it took. */
    record Province(String code, String name, String kind, String takenOverBy, List<String> formerProvinces) {
    }

    /** A unit named by code, as on the side of 2025-07-01 it belongs to. */
    record Named(String code, String name) {
    }

    /** Where an old commune went: a new unit, wholly or (a split commune) in part. */
    record Successor(String code, String name, boolean whole) {
    }

    /**
     * A commune-level unit in force on the date. Before 2025-07-01: its district and {@code successors}; from
     * then: {@code formedFrom} (old communes merged whole), {@code formedFromParts} (split old communes of which
     * part came here), {@code islandDistricts} (districts without communes that became special zones) and the
     * resolution.
     */
    record Commune(String code, String name, String kind, Named district, List<Successor> successors,
                   List<Named> formedFrom, List<Named> formedFromParts, List<Named> islandDistricts,
                   String resolution) {
    }

    private final CountryUnits units = CountryUnits.bundled();
    private final Today today;

    CountryUnitsController(Today today) {
        this.today = today;
    }

    @GetMapping
    List<Province> provinces(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                             LocalDate on) {
        LocalDate date = on == null ? today.date() : on;
        boolean before = date.isBefore(CountryUnits.REORGANISED_ON);
        return units.provincesOn(date).stream().map(province -> new Province(province.code(), province.name(),
                province.kind(), before ? units.successorProvince(province.code()).orElse(null) : null,
                before ? List.of() : units.formerProvinces(province.code()))).toList();
    }

    @GetMapping("/{code}/communes")
    List<Commune> communes(@PathVariable @Pattern(regexp = "\\d{2}", message = "a two-digit province code") String code,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                           LocalDate on) {
        LocalDate date = on == null ? today.date() : on;
        units.province(code, date).orElseThrow(() -> new NotFound("province on that date"));
        LocalDate after = CountryUnits.REORGANISED_ON;
        LocalDate lastDay = after.minusDays(1);
        if (date.isBefore(after)) {
            return units.districtsOf(code).stream()
                    .flatMap(district -> units.communesOfDistrict(district.code()).stream()
                            .map(commune -> new Commune(commune.code(), commune.name(), commune.kind(),
                                    new Named(district.code(), district.name()),
                                    units.successors(commune.code()).stream().map(successor -> new Successor(
                                            successor.code(), name(successor.code(), after), successor.whole()))
                                            .toList(), null, null, null, null)))
                    .toList();
        }
        return units.communesOfProvince(code).stream().map(commune -> {
            CountryUnits.Formation formation = units.formation(commune.code()).orElse(null);
            return new Commune(commune.code(), commune.name(), commune.kind(), null, null,
                    formation == null ? List.of() : named(formation.absorbed(), lastDay),
                    formation == null ? List.of() : named(formation.absorbedPartial(), lastDay),
                    formation == null ? List.of() : formation.absorbedDistrict().stream()
                            .map(district -> new Named(district, units.district(district)
                                    .map(CountryUnits.District::name).orElse(null))).toList(),
                    formation == null ? null : formation.resolution());
        }).toList();
    }

    private List<Named> named(List<String> codes, LocalDate on) {
        return codes.stream().map(code -> new Named(code, name(code, on))).toList();
    }

    private String name(String code, LocalDate on) {
        return units.commune(code, on).map(CountryUnits.Commune::name).orElse(null);
    }
}
