package vn.ocop.query.admin;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.ocop.query.common.ViewCheckpoints;

/** The views' checkpoints that time travel starts from, for operators and auditors. */
@RestController
class CheckpointController {

    private final ViewCheckpoints checkpoints;

    CheckpointController(ViewCheckpoints checkpoints) {
        this.checkpoints = checkpoints;
    }

    /** Every checkpoint, the first position first: what it covers, when it was made, whether it is used and why not. */
    @GetMapping("/api/admin/time-travel/checkpoints")
    List<ViewCheckpoints.Listed> checkpoints() {
        return checkpoints.listed();
    }
}
