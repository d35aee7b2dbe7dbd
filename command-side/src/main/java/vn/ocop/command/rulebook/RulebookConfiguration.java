package vn.ocop.command.rulebook;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The rulebook of the bundled reference tables, for command handlers to take as a parameter. */
@Configuration(proxyBeanMethods = false)
class RulebookConfiguration {

    @Bean
    Rulebook rulebook() {
        return Rulebook.bundled();
    }
}
