package vn.ocop.query.register;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.ocop.query.common.Today;

/** The renewal pipeline of the register's certificates. */
@RestController
class ExpiryPipelineController {

    private static final int LISTED = 500;

    private final RegisterStore store;
    private final Today today;

    ExpiryPipelineController(RegisterStore store, Today today) {
        this.store = store;
        this.today = today;
    }

    /** Certificates due within 30/60/90 days, notices due, windows open, awaiting decision, lapsed. */
    @GetMapping("/api/dashboard/expiring")
    ExpiryPipeline expiring(@RequestParam(defaultValue = "90") @Min(1) @Max(3650) int withinDays) {
        return store.expiryPipeline(today.date(), withinDays, LISTED);
    }
}
