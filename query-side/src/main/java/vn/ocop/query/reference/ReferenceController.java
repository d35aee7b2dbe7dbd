package vn.ocop.query.reference;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.ocop.query.common.NotFound;
import vn.ocop.query.common.SearchText;
import vn.ocop.query.common.Today;
import vn.ocop.reference.AdministrativeUnits;
import vn.ocop.reference.OcopRules;
import vn.ocop.reference.ScoringSheets;

/**
 * The reference data the commands are checked against, by date: the commune-level units in force (Kon Tum's
 * until 2025-06-30, Quảng Ngãi's from 2025-07-01), the product taxonomy in force and every criteria set with
 * its validity. A client can thus offer exactly the codes a command on that date accepts.
 */
@RestController
@RequestMapping("/api/reference")
class ReferenceController {

    /**
     * A criteria set's validity; {@code validFrom} null when it also covers what came before. {@code sheets} lists
     * the scoring sheets held as data for it, one per product set; empty for the decisions whose sheets are not.
     */
    record CriteriaSet(String code, String legalBasis, LocalDate validFrom, LocalDate validTo,
                       Map<String, Integer> partMaxima, List<SheetSummary> sheets) {
    }

    /** A scoring sheet held as data: {@code awaitingCheck} when no council may score with it yet. */
    record SheetSummary(String code, String group, String nhom, String vi, String en, boolean awaitingCheck) {
    }

    /**
     * One product set's scoring sheet, every criterion and option with the decision's Vietnamese text.
     *
     * @param awaitingCheck    no council scores with this sheet until the criteria named in {@code checkAgainstText}
     *                         are checked against the decision's text; until then its evaluations record part totals
     * @param checkAgainstText the criteria (or part totals) whose extraction awaits that check, as the data says
     */
    record Sheet(String code, String legalBasis, LocalDate validFrom, String group, String nhom, String vi, String en,
                 Map<String, Integer> partMaxima, boolean awaitingCheck, List<String> checkAgainstText,
                 List<Criterion> criteria) {
    }

    /**
     * A criterion; its {@code options} are chosen by {@code index} on a member's sheet (a binary criterion's are
     * "not met", 0 points, and "met", its maximum).
     */
    record Criterion(String code, String part, String name, int max, boolean binary, boolean awaitingCheck,
                     List<String> notes, List<Option> options) {
    }

    /** An answer option; {@code minimumFor} is the lowest star level it is the mandatory minimum for. */
    record Option(int index, String text, Integer points, Integer minimumFor) {
    }

    private static final OcopRules RULES = OcopRules.load();
    private static final ScoringSheets SHEETS = ScoringSheets.bundled();

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

    /** Every criteria set with the period it applies to and the scoring sheets held for it. */
    @GetMapping("/criteria-sets")
    List<CriteriaSet> criteriaSets() {
        return RULES.criteriaSets().stream().map(set -> new CriteriaSet(set.code(), set.legalBasis(),
                set.period().validFrom(), set.validTo(), set.partMaxima(),
                set.legalBasis().equals(SHEETS.legalBasis())
                        ? SHEETS.sets().stream().map(sheet -> new SheetSummary(sheet.code(), sheet.group(),
                                sheet.nhom(), sheet.vi(), sheet.en(), sheet.awaitingCheck())).toList()
                        : List.of())).toList();
    }

    /** The scoring sheet of a product set ({@code code} "1" to "26", the product's {@code criteriaSetCode}). */
    @GetMapping("/criteria-sets/{code}")
    Sheet sheet(@PathVariable @Size(max = 10) String code) {
        ScoringSheets.Sheet sheet = SHEETS.sheet(code).orElseThrow(() -> new NotFound("criteria set"));
        return new Sheet(sheet.code(), SHEETS.legalBasis(), SHEETS.validFrom(), sheet.group(), sheet.nhom(),
                sheet.vi(), sheet.en(), sheet.partMaxima(), sheet.awaitingCheck(), sheet.checkAgainstText(),
                sheet.criteria().stream().map(criterion -> new Criterion(criterion.code(), criterion.part(),
                        criterion.name(), criterion.max(), criterion.binary(), sheet.flagged(criterion.code()),
                        criterion.notes(), options(criterion))).toList());
    }

    private static List<Option> options(ScoringSheets.Criterion criterion) {
        List<ScoringSheets.Option> answers = criterion.answers();
        return IntStream.range(0, answers.size())
                .mapToObj(index -> new Option(index, answers.get(index).text(), answers.get(index).points(),
                        answers.get(index).minimumFor()))
                .toList();
    }
}
