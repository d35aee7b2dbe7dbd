package vn.ocop.peer;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The peer's application: Spring Boot's and Axon's auto-configuration, nothing configured by hand. */
@SpringBootApplication
public class PeerApplication {
}
