package vn.ocop.query.admin;

import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.ocop.query.audit.chain.ChainProcessor;
import vn.ocop.query.common.InvalidQuery;
import vn.ocop.query.common.NotFound;

/** Rebuilding views from the events, with progress. */
@RestController
@RequestMapping("/api/admin/projections")
class ProjectionController {

    private final Projections projections;
    private final ShadowVerification verification;
    private final DeadLetters deadLetters;

    ProjectionController(Projections projections, ShadowVerification verification, DeadLetters deadLetters) {
        this.projections = projections;
        this.verification = verification;
        this.deadLetters = deadLetters;
    }

    /** The events the view parked because its handler could not take them, by record (no failure messages). */
    @GetMapping("/{name}/dead-letters")
    DeadLetters.Listing deadLetters(@PathVariable String name) {
        return deadLetters.list(name).orElseThrow(() -> new NotFound("projection"));
    }

    /** Processes the parked events again, once their cause is mended; those that fail again stay parked. */
    @PostMapping("/{name}/dead-letters/retry")
    DeadLetters.Retry retryDeadLetters(@PathVariable String name) {
        return deadLetters.retry(name).orElseThrow(() -> new NotFound("projection"));
    }

    /**
     * Rebuilds the view into a shadow copy from every stored event and compares it row by row with the live view,
     * which stays untouched; answers whether they are equal, with examples of differing rows.
     */
    @PostMapping("/{name}/verification")
    ShadowVerification.Verification verify(@PathVariable String name) {
        return verification.verify(name).orElseThrow(() -> new NotFound("projection"));
    }

    @GetMapping
    List<ProjectionStatus> all() {
        return projections.all();
    }

    @GetMapping("/{name}/status")
    ProjectionStatus status(@PathVariable String name) {
        return projections.status(name).orElseThrow(() -> new NotFound("projection"));
    }

    /** Starts a rebuild and answers at once (202) with where to follow it. */
    @PostMapping("/{name}/rebuild")
    ResponseEntity<ProjectionStatus> rebuild(@PathVariable String name) {
        if (name.equals(ChainProcessor.NAME)) {
            throw new InvalidQuery("name", "The audit chain is append-only: it is verified, never rebuilt.",
                    "Chuỗi kiểm toán chỉ được nối thêm: chỉ kiểm chứng, không bao giờ dựng lại.");
        }
        ProjectionStatus started = projections.rebuild(name).orElseThrow(() -> new NotFound("projection"));
        return ResponseEntity.accepted().location(URI.create("/api/admin/projections/" + name + "/status"))
                .body(started);
    }
}
