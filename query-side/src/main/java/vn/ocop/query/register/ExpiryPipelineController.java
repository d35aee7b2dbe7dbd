package vn.ocop.query.register;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The renewal pipeline of the register's certificates. */
@RestController
class ExpiryPipelineController {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final int LISTED = 500;

    private final RegisterStore store;
    private final Clock clock;

    ExpiryPipelineController(RegisterStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Certificates due within 30/60/90 days, notices due, windows open, awaiting decision, lapsed. */
    @GetMapping("/api/dashboard/expiring")
    ExpiryPipeline expiring(@RequestParam(defaultValue = "90") @Min(1) @Max(3650) int withinDays) {
        return store.expiryPipeline(LocalDate.now(clock.withZone(VIETNAM)), withinDays, LISTED);
    }
}
