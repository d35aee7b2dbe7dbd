package vn.ocop.infra;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.ocop.reference.AdministrativeUnits;

/** The reference data both sides check and group by (administrative units), loaded once for every role. */
@Configuration(proxyBeanMethods = false)
class ReferenceConfiguration {

    @Bean
    AdministrativeUnits administrativeUnits() {
        return AdministrativeUnits.load();
    }
}
