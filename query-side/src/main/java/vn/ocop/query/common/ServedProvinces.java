package vn.ocop.query.common;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import vn.ocop.reference.AdministrativeUnits;

/**
 * A province a dashboard or report is asked for: one this deployment serves, read as its commune codes old and new;
 * any other code is a 400 naming those served.
 */
@Component
public class ServedProvinces {

    private final AdministrativeUnits units;

    public ServedProvinces(AdministrativeUnits units) {
        this.units = units;
    }

    /** The province asked for, checked; null stays null (every province served). */
    public String check(String province) {
        if (province == null || units.province(province).isPresent()) {
            return province;
        }
        String codes = units.provinces().stream().map(AdministrativeUnits.Province::code)
                .collect(Collectors.joining(", "));
        throw new InvalidQuery("province", "This service serves the provinces " + codes + ", not " + province + ".",
                "Hệ thống phục vụ các tỉnh " + codes + ", không phục vụ tỉnh " + province + ".");
    }

    /** Which commune codes lie in the province asked for: all of them for null. */
    public Predicate<String> communesOf(String province) {
        if (check(province) == null) {
            return code -> true;
        }
        Set<String> codes = Set.copyOf(units.communesOfProvince(province));
        return codes::contains;
    }

    /** The province's commune codes, old and new. */
    public List<String> codesOf(String province) {
        return units.communesOfProvince(check(province));
    }
}
