package vn.ocop.query.register;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.ocop.query.common.ShadowReplay;

/** The renewal pipeline of the register's certificates. */
@RestController
class ExpiryPipelineController {

    private static final int LISTED = 500;

    private final RegisterStore store;
    private final ShadowReplay history;

    ExpiryPipelineController(RegisterStore store, ShadowReplay history) {
        this.store = store;
        this.history = history;
    }

    /** Certificates due within 30/60/90 days, notices due, windows open, awaiting decision, lapsed. */
    @GetMapping("/api/dashboard/expiring")
    ExpiryPipeline expiring(@RequestParam(defaultValue = "90") @Min(1) @Max(3650) int withinDays,
                            @RequestParam(required = false) Instant asOf,
                            @RequestParam(required = false) LocalDate effectiveOn) {
        return history.at(asOf, effectiveOn, date -> store.expiryPipeline(date, withinDays, LISTED));
    }
}
