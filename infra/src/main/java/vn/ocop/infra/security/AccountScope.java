package vn.ocop.infra.security;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import vn.ocop.query.common.ReaderScope;
import vn.ocop.reference.AdministrativeUnits;

/**
 * The signed-in officer's jurisdiction as the communes whose records it reads: a province officer, where the
 * deployment serves several provinces, its province's codes old and new; a district officer its district-level
 * unit's communes (as before 2025-07-01); a commune officer its commune and, for a unit of 2025-07-01, the old
 * communes whose records count in it. The other roles (the ministry's among them) read every province served.
 */
@Component
class AccountScope implements ReaderScope {

    private final AdministrativeUnits units;

    AccountScope(AdministrativeUnits units) {
        this.units = units;
    }

    /**
     * A council's secretary scores products and the ministry decides on them; neither has need of the
     * representatives' names and phones.
     */
    @Override
    public boolean seesPersonalData() {
        return signedIn().map(account -> account.role() != Role.COUNCIL_SECRETARY && account.role() != Role.VIEWER
                && account.role() != Role.MINISTRY_OFFICER)
                .orElse(true);
    }

    @Override
    public Optional<List<String>> communes() {
        Optional<Account> signedIn = signedIn();
        if (signedIn.isEmpty()) {
            return Optional.empty();
        }
        Account account = signedIn.get();
        Jurisdiction place = account.jurisdiction();
        return switch (account.role()) {
            case PROVINCE_OFFICER -> units.provinces().size() == 1 && units.province(place.provinceCode()).isPresent()
                    ? Optional.empty() : Optional.of(units.communesOfProvince(String.valueOf(place.provinceCode())));
            case COMMUNE_OFFICER -> Optional.of(place.communeCode() == null ? List.of()
                    : units.currentUnit(place.communeCode()).map(AccountScope::codesOf)
                    .orElse(List.of(place.communeCode())));
            case DISTRICT_OFFICER -> Optional.of(units.districts().stream()
                    .filter(district -> district.code().equals(place.districtCode()))
                    .flatMap(district -> district.communes().stream()).map(AdministrativeUnits.Commune::code)
                    .toList());
            default -> Optional.empty();
        };
    }

    private static List<String> codesOf(AdministrativeUnits.CurrentUnit unit) {
        LinkedHashSet<String> codes = new LinkedHashSet<>(List.of(unit.code()));
        codes.addAll(unit.counted());
        return List.copyOf(codes);
    }

    private static Optional<Account> signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof Account account
                ? Optional.of(account) : Optional.empty();
    }
}
