package vn.ocop.query.reference;

import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.ocop.reference.AdministrativeUnits;

/**
 * Which provinces this deployment serves (configuration {@code ocop.provinces}), with the former provinces that
 * formed each: what the dashboard and its sign-in page are titled after. Public, as a portal's name is.
 */
@RestController
class DeploymentController {

    /** A province served and, before 2025-07-01, the provinces that formed it. */
    record ServedProvince(String code, String name, String shortName,
                          List<AdministrativeUnits.FormerProvince> formerProvinces) {
    }

    record Deployment(List<ServedProvince> provinces) {
    }

    private final Deployment deployment;

    DeploymentController(AdministrativeUnits units) {
        this.deployment = new Deployment(units.provinces().stream().map(province -> new ServedProvince(
                province.code(), province.name(), shortName(province.name()), province.formerProvinces())).toList());
    }

    /** "Tỉnh Quảng Ngãi" → "Quảng Ngãi", "Thành phố Đà Nẵng" → "Đà Nẵng". */
    static String shortName(String name) {
        for (String kind : List.of("Thành phố ", "Tỉnh ")) {
            if (name.startsWith(kind)) {
                return name.substring(kind.length());
            }
        }
        return name;
    }

    @GetMapping("/public/deployment")
    ResponseEntity<Deployment> deployment() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(5)).cachePublic())
                .body(deployment);
    }
}
