package vn.ocop.query.common;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.ocop.reference.AdministrativeUnits;

/** The reference data the views group by, loaded once. */
@Configuration(proxyBeanMethods = false)
class ReferenceConfiguration {

    @Bean
    AdministrativeUnits administrativeUnits() {
        return AdministrativeUnits.load();
    }
}
