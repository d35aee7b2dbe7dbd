package vn.ocop.infra;

import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.ocop.reference.AdministrativeUnits;

/**
 * The reference data both sides check and group by: the administrative units of the provinces this deployment
 * serves ({@code ocop.provinces}, codes of 2025-07-01; by default 51, the new Quảng Ngãi), loaded once.
 */
@Configuration(proxyBeanMethods = false)
class ReferenceConfiguration {

    @Bean
    AdministrativeUnits administrativeUnits(@Value("${ocop.provinces:51}") List<String> provinces) {
        return AdministrativeUnits.of(provinces.stream().map(String::strip).filter(code -> !code.isEmpty()).toList());
    }
}
