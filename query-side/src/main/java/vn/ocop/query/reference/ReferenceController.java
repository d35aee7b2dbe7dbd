package vn.ocop.query.reference;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.ocop.query.common.NotFound;
import vn.ocop.query.common.SearchText;
import vn.ocop.query.common.Today;
import vn.ocop.reference.AdministrativeUnits;
import vn.ocop.reference.OcopRules;

/**
 * The reference data the commands are checked against, by date: the commune-level units in force (Kon Tum's
 * until 2025-06-30, Quảng Ngãi's from 2025-07-01), the product taxonomy in force and every criteria set with
 * its validity. A client can thus offer exactly the codes a command on that date accepts.
 */
@RestController
@RequestMapping("/api/reference")
class ReferenceController {

    /** A criteria set's validity; {@code validFrom} null when it also covers what came before. */
    record CriteriaSet(String code, String legalBasis, LocalDate validFrom, LocalDate validTo,
                       Map<String, Integer> partMaxima) {
    }

    private static final OcopRules RULES = OcopRules.load();

    private final AdministrativeUnits units;
    private final Today today;

    ReferenceController(AdministrativeUnits units, Today today) {
        this.units = units;
        this.today = today;
    }

    /**
     * The commune-level units in force {@code on} a date (default: today). {@code q} matches the statistics
     * office's spelling or the local one, ignoring diacritics and case ("dak kroong", "Đăk Môn"), or the code.
     */
    @GetMapping("/administrative-units")
    List<AdministrativeUnits.Unit> units(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
            @RequestParam(required = false) @Size(max = 100) String q) {
        String wanted = q == null ? "" : SearchText.of(q);
        return units.unitsOn(on == null ? today.date() : on).stream()
                .filter(unit -> wanted.isEmpty() || unit.code().equals(q.strip())
                        || SearchText.of(unit.name()).contains(wanted)
                        || (unit.nameLocal() != null && SearchText.of(unit.nameLocal()).contains(wanted)))
                .toList();
    }

    /** The product taxonomy in force {@code on} a date (default: today): its groups, sub-groups and sets. */
    @GetMapping("/product-taxonomy")
    OcopRules.Taxonomy taxonomy(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
        LocalDate date = on == null ? today.date() : on;
        return RULES.productGroupTaxonomies().stream().filter(taxonomy -> taxonomy.period().covers(date))
                .findFirst().orElseThrow(() -> new NotFound("taxonomy"));
    }

    /** Every criteria set with the period it applies to. */
    @GetMapping("/criteria-sets")
    List<CriteriaSet> criteriaSets() {
        return RULES.criteriaSets().stream().map(set -> new CriteriaSet(set.code(), set.legalBasis(),
                set.period().validFrom(), set.validTo(), set.partMaxima())).toList();
    }
}
