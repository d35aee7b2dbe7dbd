package vn.ocop.infra;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests that run the whole service, over HTTP, against the shared test database. They share one
 * Spring context, so each test works with its own fresh identifiers and never assumes empty tables. This
 * context executes no deadlines: the tests about time run their own nodes, so that exactly one node at a time
 * fires what falls due.
 */
@SpringBootTest(classes = OcopApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"logging.structured.format.console=", "ocop.scheduler.enabled=false",
                // two provinces in one deployment: the new Quảng Ngãi (with the former Kon Tum) and Đà Nẵng
                "ocop.provinces=51," + TestAccounts.OTHER_PROVINCE_CODE,
                "ocop.audit.checkpoint-every=3",
                // the tests write fast from one address; RateLimitTest tries the limits
                "ocop.security.rate-limits.writes=1000000", "ocop.security.rate-limits.failed-sign-ins=1000",
                "ocop.security.cors-allowed-origins=" + ServiceTest.DASHBOARD_ORIGIN})
@AutoConfigureObservability
public abstract class ServiceTest {

    /** The one web origin the tests' service lets call the API from a browser. */
    public static final String DASHBOARD_ORIGIN = "https://ocop.kontum.example";

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.Connection database = TestDatabase.get();
        TestAccounts.store();
        registry.add("spring.datasource.url", database::url);
        registry.add("spring.datasource.username", database::username);
        registry.add("spring.datasource.password", database::password);
        registry.add("ocop.audit.signing-key-file", () -> TestSigningKey.file().toString());
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }
}
