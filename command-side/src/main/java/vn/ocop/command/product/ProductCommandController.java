package vn.ocop.command.product;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
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
import vn.ocop.command.product.ProductCommands.DecideBusinessPlanCommand;
import vn.ocop.command.product.ProductCommands.DecideProductIdeaCommand;
import vn.ocop.command.product.ProductCommands.DesignateKeyProductCommand;
import vn.ocop.command.product.ProductCommands.FileReEvaluationDossierCommand;
import vn.ocop.command.product.ProductCommands.ForwardProductCommand;
import vn.ocop.command.product.ProductCommands.NominateForNationalFiveStarsCommand;
import vn.ocop.command.product.ProductCommands.RecognizeProductCommand;
import vn.ocop.command.product.ProductCommands.RecordEvaluationCommand;
import vn.ocop.command.product.ProductCommands.RegisterProductIdeaCommand;
import vn.ocop.command.product.ProductCommands.RevokeCertificateCommand;
import vn.ocop.command.product.ProductCommands.SelectForProvincialPromotionCommand;
import vn.ocop.command.product.ProductCommands.SubmitBusinessPlanCommand;
import vn.ocop.command.product.ProductRequests.DecisionOnlyRequest;
import vn.ocop.command.product.ProductRequests.ForwardRequest;
import vn.ocop.command.product.ProductRequests.NominationRequest;
import vn.ocop.command.product.ProductRequests.ReEvaluationDossierRequest;
import vn.ocop.command.product.ProductRequests.RecognitionRequest;
import vn.ocop.command.product.ProductRequests.RecordEvaluationRequest;
import vn.ocop.command.product.ProductRequests.RegisterProductRequest;
import vn.ocop.command.product.ProductRequests.RevocationRequest;
import vn.ocop.command.product.ProductRequests.StepDecisionRequest;
import vn.ocop.command.product.ProductRequests.SubmitBusinessPlanRequest;

/** Commands of a product's cycle. Every command on an existing product accepts {@code If-Match}. */
@RestController
@RequestMapping("/api/products")
class ProductCommandController {

    private static final String IF_MATCH = ExpectedVersion.HEADER;

    private final CommandExecutor executor;

    ProductCommandController(CommandExecutor executor) {
        this.executor = executor;
    }

    @PostMapping
    ResponseEntity<CommandAccepted> registerIdea(@Valid @RequestBody RegisterProductRequest body,
                                                 HttpServletRequest http) {
        String productId = UUID.randomUUID().toString();
        return executor.create(IdempotentRequest.of(http, body), productId,
                () -> new RegisterProductIdeaCommand(productId, body.subjectId(), body.name(), body.groupCode(),
                        body.criteriaSetCode(), body.communeCode(), body.description(), body.registeredOn()),
                URI.create("/api/products/" + productId));
    }

    @PostMapping("/{id}/idea-decision")
    ResponseEntity<CommandAccepted> decideIdea(@PathVariable String id, @Valid @RequestBody StepDecisionRequest body,
                                               @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                               HttpServletRequest http) {
        Long expected = ExpectedVersion.from(ifMatch);
        return executor.update(IdempotentRequest.of(http, body), id, () -> new DecideProductIdeaCommand(id, expected,
                body.accepted(), body.decision().toDecision(), body.reasons()));
    }

    @PostMapping("/{id}/business-plan")
    ResponseEntity<CommandAccepted> submitPlan(@PathVariable String id,
                                               @Valid @RequestBody SubmitBusinessPlanRequest body,
                                               @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                               HttpServletRequest http) {
        Long expected = ExpectedVersion.from(ifMatch);
        return executor.update(IdempotentRequest.of(http, body), id, () -> new SubmitBusinessPlanCommand(id, expected,
                body.submittedOn(), body.title().strip(), body.summary()));
    }

    @PostMapping("/{id}/business-plan/decision")
    ResponseEntity<CommandAccepted> decidePlan(@PathVariable String id, @Valid @RequestBody StepDecisionRequest body,
                                               @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                               HttpServletRequest http) {
        Long expected = ExpectedVersion.from(ifMatch);
        return executor.update(IdempotentRequest.of(http, body), id, () -> new DecideBusinessPlanCommand(id, expected,
                body.accepted(), body.decision().toDecision(), body.reasons()));
    }

    @PostMapping("/{id}/evaluations")
    ResponseEntity<CommandAccepted> recordEvaluation(@PathVariable String id,
                                                     @Valid @RequestBody RecordEvaluationRequest body,
                                                     @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                                     HttpServletRequest http) {
        Long expected = ExpectedVersion.from(ifMatch);
        String evaluationId = UUID.randomUUID().toString();
        return executor.createWithin(IdempotentRequest.of(http, body), id, evaluationId,
                () -> new RecordEvaluationCommand(id, expected, evaluationId, body.kind(), body.level(), body.round(),
                        body.evaluatedOn(), body.dossierFiledOn(), body.scores(), body.minimumsMetUpTo(),
                        body.disqualification(), body.disqualificationNote(), body.officialProductCode(),
                        body.scoredUnder(), body.productSetCode(), body.sheets()),
                URI.create("/api/products/" + id + "/evaluations/" + evaluationId));
    }

    @PostMapping("/{id}/forwarding")
    ResponseEntity<CommandAccepted> forward(@PathVariable String id, @Valid @RequestBody ForwardRequest body,
                                            @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                            HttpServletRequest http) {
        Long expected = ExpectedVersion.from(ifMatch);
        return executor.update(IdempotentRequest.of(http, body), id, () -> new ForwardProductCommand(id, expected,
                body.evaluationId(), body.to(), body.forwardedOn()));
    }

    @PostMapping("/{id}/national-nomination")
    ResponseEntity<CommandAccepted> nominate(@PathVariable String id, @Valid @RequestBody NominationRequest body,
                                             @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                             HttpServletRequest http) {
        Long expected = ExpectedVersion.from(ifMatch);
        return executor.update(IdempotentRequest.of(http, body), id,
                () -> new NominateForNationalFiveStarsCommand(id, expected, body.evaluationId(),
                        body.decision().toDecision()));
    }

    /** First recognition, upgrade or re-recognition, as the evaluation's kind says. */
    @PostMapping("/{id}/recognition")
    ResponseEntity<CommandAccepted> recognize(@PathVariable String id, @Valid @RequestBody RecognitionRequest body,
                                              @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                              HttpServletRequest http) {
        Long expected = ExpectedVersion.from(ifMatch);
        String certificateId = UUID.randomUUID().toString();
        return executor.createWithin(IdempotentRequest.of(http, body), id, certificateId,
                () -> new RecognizeProductCommand(id, expected, certificateId, body.evaluationId(), body.stars(),
                        body.decision().toDecision()),
                URI.create("/api/products/" + id + "/certificates/" + certificateId));
    }

    @PostMapping("/{id}/certificate/re-evaluation-dossier")
    ResponseEntity<CommandAccepted> fileReEvaluation(@PathVariable String id,
                                                     @Valid @RequestBody ReEvaluationDossierRequest body,
                                                     @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                                     HttpServletRequest http) {
        Long expected = ExpectedVersion.from(ifMatch);
        return executor.update(IdempotentRequest.of(http, body), id,
                () -> new FileReEvaluationDossierCommand(id, expected, body.filedOn()));
    }

    @PostMapping("/{id}/certificate/revocation")
    ResponseEntity<CommandAccepted> revoke(@PathVariable String id, @Valid @RequestBody RevocationRequest body,
                                           @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                           HttpServletRequest http) {
        Long expected = ExpectedVersion.from(ifMatch);
        return executor.update(IdempotentRequest.of(http, body), id, () -> new RevokeCertificateCommand(id, expected,
                body.reasonCode(), body.concludedOn(), body.decision().toDecision()));
    }

    @PostMapping("/{id}/provincial-promotion")
    ResponseEntity<CommandAccepted> selectForPromotion(@PathVariable String id,
                                                       @Valid @RequestBody DecisionOnlyRequest body,
                                                       @RequestHeader(name = IF_MATCH, required = false)
                                                       String ifMatch, HttpServletRequest http) {
        Long expected = ExpectedVersion.from(ifMatch);
        return executor.update(IdempotentRequest.of(http, body), id,
                () -> new SelectForProvincialPromotionCommand(id, expected, body.decision().toDecision()));
    }

    @PostMapping("/{id}/key-product")
    ResponseEntity<CommandAccepted> designateKey(@PathVariable String id, @Valid @RequestBody DecisionOnlyRequest body,
                                                 @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                                 HttpServletRequest http) {
        Long expected = ExpectedVersion.from(ifMatch);
        return executor.update(IdempotentRequest.of(http, body), id,
                () -> new DesignateKeyProductCommand(id, expected, body.decision().toDecision()));
    }
}
