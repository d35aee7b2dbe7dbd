package vn.ocop.command.support;

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
import org.springframework.web.bind.annotation.RestController;
import vn.ocop.command.common.CommandAccepted;
import vn.ocop.command.common.CommandExecutor;
import vn.ocop.command.common.ExpectedVersion;
import vn.ocop.command.common.IdempotentRequest;
import vn.ocop.command.support.SupportCommands.AllocateBudgetLineCommand;
import vn.ocop.command.support.SupportCommands.AmendBudgetLineCommand;
import vn.ocop.command.support.SupportCommands.CancelSupportGrantCommand;
import vn.ocop.command.support.SupportCommands.CloseBudgetLineCommand;
import vn.ocop.command.support.SupportCommands.CloseSupportGrantCommand;
import vn.ocop.command.support.SupportCommands.DisburseSupportCommand;
import vn.ocop.command.support.SupportCommands.GrantSupportCommand;
import vn.ocop.command.support.SupportRequests.AllocateBudgetRequest;
import vn.ocop.command.support.SupportRequests.AmendBudgetRequest;
import vn.ocop.command.support.SupportRequests.CancellationRequest;
import vn.ocop.command.support.SupportRequests.ClosureRequest;
import vn.ocop.command.support.SupportRequests.DisbursementRequest;
import vn.ocop.command.support.SupportRequests.GrantRequest;

/** Commands on budget lines and support grants. */
@RestController
class SupportCommandController {

    private static final String IF_MATCH = ExpectedVersion.HEADER;

    private final CommandExecutor executor;

    SupportCommandController(CommandExecutor executor) {
        this.executor = executor;
    }

    @PostMapping("/api/budgets")
    ResponseEntity<CommandAccepted> allocate(@Valid @RequestBody AllocateBudgetRequest body, HttpServletRequest http) {
        String budgetLineId = UUID.randomUUID().toString();
        return executor.create(IdempotentRequest.of(http, body), budgetLineId,
                () -> new AllocateBudgetLineCommand(budgetLineId, body.provinceCode(), body.source(),
                        body.fiscalYear(), body.amount(), body.decision().toDecision()),
                URI.create("/api/budgets/" + budgetLineId));
    }

    @PatchMapping("/api/budgets/{id}")
    ResponseEntity<CommandAccepted> amend(@PathVariable String id, @Valid @RequestBody AmendBudgetRequest body,
                                          @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                          HttpServletRequest http) {
        Long expected = ExpectedVersion.from(ifMatch);
        return executor.update(IdempotentRequest.of(http, body), id,
                () -> new AmendBudgetLineCommand(id, expected, body.amount(), body.decision().toDecision()));
    }

    @PostMapping("/api/budgets/{id}/closure")
    ResponseEntity<CommandAccepted> closeLine(@PathVariable String id, @Valid @RequestBody ClosureRequest body,
                                              @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                              HttpServletRequest http) {
        Long expected = ExpectedVersion.from(ifMatch);
        return executor.update(IdempotentRequest.of(http, body), id,
                () -> new CloseBudgetLineCommand(id, expected, body.closedOn()));
    }

    /** Made through the budget line, which commits the money; answers with the new grant. */
    @PostMapping("/api/support-grants")
    ResponseEntity<CommandAccepted> grant(@Valid @RequestBody GrantRequest body, HttpServletRequest http) {
        String grantId = UUID.randomUUID().toString();
        return executor.create(IdempotentRequest.of(http, body), grantId,
                () -> new GrantSupportCommand(body.budgetLineId(), grantId, body.subjectId(), body.productId(),
                        body.kind(), body.amount(), body.costSharePercent(), body.fiscalYear(),
                        body.decision().toDecision()),
                URI.create("/api/support-grants/" + grantId));
    }

    @PostMapping("/api/support-grants/{id}/disbursements")
    ResponseEntity<CommandAccepted> disburse(@PathVariable String id, @Valid @RequestBody DisbursementRequest body,
                                             @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                             HttpServletRequest http) {
        Long expected = ExpectedVersion.from(ifMatch);
        String disbursementId = UUID.randomUUID().toString();
        return executor.createWithin(IdempotentRequest.of(http, body), id, disbursementId,
                () -> new DisburseSupportCommand(id, expected, disbursementId, body.amount(), body.paidOn(),
                        body.voucherReference(), body.acceptanceMinutesReference()),
                URI.create("/api/support-grants/" + id + "/disbursements/" + disbursementId));
    }

    @PostMapping("/api/support-grants/{id}/cancellation")
    ResponseEntity<CommandAccepted> cancel(@PathVariable String id, @Valid @RequestBody CancellationRequest body,
                                           @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                           HttpServletRequest http) {
        Long expected = ExpectedVersion.from(ifMatch);
        return executor.update(IdempotentRequest.of(http, body), id,
                () -> new CancelSupportGrantCommand(id, expected, body.cancelledOn(), body.reason()));
    }

    @PostMapping("/api/support-grants/{id}/closure")
    ResponseEntity<CommandAccepted> closeGrant(@PathVariable String id, @Valid @RequestBody ClosureRequest body,
                                               @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                               HttpServletRequest http) {
        Long expected = ExpectedVersion.from(ifMatch);
        return executor.update(IdempotentRequest.of(http, body), id,
                () -> new CloseSupportGrantCommand(id, expected, body.closedOn()));
    }
}
