package vn.ocop.query.register;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.ocop.query.common.NotFound;
import vn.ocop.query.common.Page;
import vn.ocop.query.common.ReadYourWrites;
import vn.ocop.query.common.RecordedAggregates;
import vn.ocop.query.common.ReaderScope;
import vn.ocop.query.common.ShadowReplay;
import vn.ocop.query.register.RegisterEntry.Stage;
import vn.ocop.query.register.RegisterFilter.CertificateFilter;
import vn.ocop.query.register.RegisterFilter.Sort;
import vn.ocop.reference.AdministrativeUnits;

/** The product register: search and filter, and one product with read-your-writes. */
@RestController
@RequestMapping("/api/products")
class RegisterController {

    private final RegisterStore store;
    private final ShadowReplay history;
    private final AdministrativeUnits units;
    private final ReaderScope scope;
    private final RecordedAggregates recorded;

    RegisterController(RegisterStore store, ShadowReplay history, AdministrativeUnits units, ReaderScope scope,
                       RecordedAggregates recorded) {
        this.store = store;
        this.history = history;
        this.units = units;
        this.scope = scope;
        this.recorded = recorded;
    }

    /**
     * Products matching every filter given. {@code q} ignores Vietnamese diacritics and case ("sam ngoc linh"
     * finds "Sâm Ngọc Linh"); {@code certificate=EXPIRING} lists valid certificates expiring within
     * {@code expiringWithinDays}. With {@code asOf}, the register as it stood at that instant; with
     * {@code effectiveOn}, as in effect on that business date, from the decisions dated by then.
     */
    @GetMapping
    Page<RegisterEntry> search(@RequestParam(required = false) @Size(max = 200) String q,
                               @RequestParam(required = false) String subjectId,
                               @RequestParam(required = false) String provinceCode,
                               @RequestParam(required = false) String districtCode,
                               @RequestParam(required = false) String communeCode,
                               @RequestParam(required = false) String groupCode,
                               @RequestParam(required = false) @Min(1) @Max(5) Integer stars,
                               @RequestParam(required = false) Stage stage,
                               @RequestParam(required = false) CertificateFilter certificate,
                               @RequestParam(defaultValue = "90") @Min(1) @Max(3650) int expiringWithinDays,
                               @RequestParam(defaultValue = "NAME") Sort sort,
                               @RequestParam(defaultValue = "0") @Min(0) int page,
                               @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size,
                               @RequestParam(required = false) Instant asOf,
                               @RequestParam(required = false) LocalDate effectiveOn) {
        RegisterFilter filter = new RegisterFilter(q, subjectId,
                scope.within(communes(provinceCode, districtCode, communeCode)), groupCode, stars, stage, certificate,
                expiringWithinDays, sort, page, size);
        return history.at(asOf, effectiveOn, date -> store.search(filter, date));
    }

    /**
     * The communes asked for: one commune, the communes of a district (as before 2025-07-01), the codes old and new
     * of a province served, or all (null).
     */
    private List<String> communes(String provinceCode, String districtCode, String communeCode) {
        if (communeCode != null) {
            return List.of(communeCode);
        }
        if (provinceCode != null && districtCode == null) {
            return units.communesOfProvince(provinceCode);
        }
        if (districtCode == null) {
            return null;
        }
        return units.districts().stream().filter(district -> district.code().equals(districtCode))
                .flatMap(district -> district.communes().stream()).map(AdministrativeUnits.Commune::code).toList();
    }

    /**
     * One product; with {@code minVersion}, answered once the register reflects that version of it; with
     * {@code asOf}, as the register showed it at that instant; with {@code effectiveOn}, as in effect that day.
     */
    @GetMapping("/{id}")
    ResponseEntity<RegisterEntry> product(@PathVariable String id,
                                          @RequestParam(required = false) @Min(0) Long minVersion,
                                          @RequestParam(required = false) Instant asOf,
                                          @RequestParam(required = false) LocalDate effectiveOn) {
        Optional<RegisterEntry> found = asOf == null && effectiveOn == null
                ? ReadYourWrites.read(() -> store.find(id), RegisterEntry::version, minVersion,
                        () -> recorded.exists(id))
                : history.at(asOf, effectiveOn, List.of("register"), date -> store.find(id));
        RegisterEntry entry = found.filter(product -> scope.sees(product.communeCode()))
                .orElseThrow(() -> new NotFound("product"));
        return ResponseEntity.ok().eTag(Long.toString(entry.version())).body(entry);
    }
}
