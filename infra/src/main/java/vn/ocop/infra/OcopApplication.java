package vn.ocop.infra;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts the OCOP service: both sides in one process unless configured otherwise. */
@SpringBootApplication(scanBasePackages = "vn.ocop")
@ConfigurationPropertiesScan("vn.ocop")
// Entities and repositories live in the side modules; Axon registers its own entities beside them.
@AutoConfigurationPackage(basePackages = "vn.ocop")
public class OcopApplication {

    public static void main(String[] args) {
        SpringApplication.run(OcopApplication.class, args);
    }
}
