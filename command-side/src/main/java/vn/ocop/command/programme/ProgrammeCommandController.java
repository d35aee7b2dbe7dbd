package vn.ocop.command.programme;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.ocop.command.common.CommandAccepted;
import vn.ocop.command.common.CommandExecutor;
import vn.ocop.command.common.ExpectedVersion;
import vn.ocop.command.common.IdempotentRequest;
import vn.ocop.command.programme.ProgrammeCommands.AdoptProgrammePlanCommand;
import vn.ocop.command.programme.ProgrammeCommands.AmendProgrammePlanCommand;
import vn.ocop.command.programme.ProgrammeCommands.LinkPlannedProductCommand;
import vn.ocop.command.programme.ProgrammeCommands.ListPlannedProductCommand;
import vn.ocop.command.programme.ProgrammeRequests.AdoptPlanRequest;
import vn.ocop.command.programme.ProgrammeRequests.AmendPlanRequest;
import vn.ocop.command.programme.ProgrammeRequests.LinkRequest;
import vn.ocop.command.programme.ProgrammeRequests.PlannedProductRequest;

/** Commands on programme plans. */
@RestController
@RequestMapping("/api/programme-plans")
class ProgrammeCommandController {

    private static final String IF_MATCH = ExpectedVersion.HEADER;

    private final CommandExecutor executor;

    ProgrammeCommandController(CommandExecutor executor) {
        this.executor = executor;
    }

    @PostMapping
    ResponseEntity<CommandAccepted> adopt(@Valid @RequestBody AdoptPlanRequest body, HttpServletRequest http) {
        String planId = UUID.randomUUID().toString();
        return executor.create(IdempotentRequest.of(http, body), planId,
                () -> new AdoptProgrammePlanCommand(planId, body.title(), body.fromYear(), body.toYear(),
                        body.targets().toTargets(), body.decision().toDecision()),
                URI.create("/api/programme-plans/" + planId));
    }

    @PatchMapping("/{id}")
    ResponseEntity<CommandAccepted> amend(@PathVariable String id, @Valid @RequestBody AmendPlanRequest body,
                                          @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                          HttpServletRequest http) {
        Long expected = ExpectedVersion.from(ifMatch);
        return executor.update(IdempotentRequest.of(http, body), id,
                () -> new AmendProgrammePlanCommand(id, expected, body.toYear(), body.targets().toTargets(),
                        body.decision().toDecision()));
    }

    @PostMapping("/{id}/planned-products")
    ResponseEntity<CommandAccepted> listPlannedProduct(@PathVariable String id,
                                                       @Valid @RequestBody PlannedProductRequest body,
                                                       @RequestHeader(name = IF_MATCH, required = false)
                                                       String ifMatch, HttpServletRequest http) {
        Long expected = ExpectedVersion.from(ifMatch);
        String plannedProductId = UUID.randomUUID().toString();
        return executor.createWithin(IdempotentRequest.of(http, body), id, plannedProductId,
                () -> new ListPlannedProductCommand(id, expected, plannedProductId, body.name(), body.districtCode(),
                        body.communeCode(), body.groupCode()),
                URI.create("/api/programme-plans/" + id + "/planned-products/" + plannedProductId));
    }

    @PostMapping("/{id}/planned-products/{plannedProductId}/link")
    ResponseEntity<CommandAccepted> link(@PathVariable String id, @PathVariable String plannedProductId,
                                         @Valid @RequestBody LinkRequest body,
                                         @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                         HttpServletRequest http) {
        Long expected = ExpectedVersion.from(ifMatch);
        return executor.update(IdempotentRequest.of(http, body), id,
                () -> new LinkPlannedProductCommand(id, expected, plannedProductId, body.productId()));
    }
}
