package vn.ocop.command.product;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import vn.ocop.command.common.DecisionRequest;
import vn.ocop.events.common.AuthorityLevel;
import vn.ocop.events.product.EvaluationKind;
import vn.ocop.events.product.MemberScore;

/** The bodies of the product command endpoints. */
final class ProductRequests {

    private ProductRequests() {
    }

    /** {@code POST /api/products}: register a product idea. */
    record RegisterProductRequest(
            @NotBlank @Size(max = 36) String subjectId,
            @NotBlank @Size(max = 300) String name,
            @NotBlank @Size(max = 10) String groupCode,
            @Size(max = 10) String criteriaSetCode,
            @NotBlank @Pattern(regexp = "\\d{5}", message = "a five-digit commune code") String communeCode,
            @Size(max = 5000) String description,
            @NotNull LocalDate registeredOn) {
    }

    /** Accept ({@code accepted: true}) or return an idea, or approve or reject a business plan. */
    record StepDecisionRequest(
            @NotNull Boolean accepted,
            @NotNull @Valid DecisionRequest decision,
            @Size(max = 20) List<@Size(max = 1000) String> reasons) {
    }

    record SubmitBusinessPlanRequest(
            @NotNull LocalDate submittedOn,
            @NotBlank @Size(max = 300) String title,
            @Size(max = 5000) String summary) {
    }

    record MemberScoreRequest(
            @NotNull @DecimalMin("0") @Digits(integer = 3, fraction = 2) BigDecimal partA,
            @NotNull @DecimalMin("0") @Digits(integer = 3, fraction = 2) BigDecimal partB,
            @NotNull @DecimalMin("0") @Digits(integer = 3, fraction = 2) BigDecimal partC) {

        MemberScore toScore() {
            return new MemberScore(partA, partB, partC);
        }
    }

    /**
     * {@code POST /api/products/{id}/evaluations}: a council's evaluation. {@code scoredUnder}, optional, states
     * the decision it was scored under ({@code QD1048}, {@code QD148}, {@code QD148_1489}, {@code QD26_2026}); the
     * rule table decides it from the dates, and a stated one that cannot apply is refused.
     */
    record RecordEvaluationRequest(
            @NotNull EvaluationKind kind,
            @NotNull AuthorityLevel level,
            @Size(max = 100) String round,
            @NotNull LocalDate evaluatedOn,
            LocalDate dossierFiledOn,
            @NotEmpty @Size(max = 50) List<@NotNull @Valid MemberScoreRequest> memberScores,
            @NotNull @Min(2) @Max(5) Integer minimumsMetUpTo,
            @Size(max = 1000) String disqualification,
            @Size(max = 40) @Pattern(regexp = "[0-9A-Za-z\\-]*", message = "letters, digits and dashes")
            String officialProductCode,
            @Size(max = 20) @Pattern(regexp = "QD[0-9_]+", message = "a decision code such as QD148_1489")
            String scoredUnder) {
    }

    record ForwardRequest(
            @NotBlank String evaluationId,
            @NotNull AuthorityLevel to,
            @NotNull LocalDate forwardedOn) {
    }

    record NominationRequest(@NotBlank String evaluationId, @NotNull @Valid DecisionRequest decision) {
    }

    /** {@code POST /api/products/{id}/recognition}: first recognition, upgrade or re-recognition. */
    record RecognitionRequest(
            @NotBlank String evaluationId,
            @NotNull @Min(3) @Max(5) Integer stars,
            @NotNull @Valid DecisionRequest decision) {
    }

    record ReEvaluationDossierRequest(@NotNull LocalDate filedOn) {
    }

    record RevocationRequest(
            @NotBlank @Size(max = 50) String reasonCode,
            @NotNull LocalDate concludedOn,
            @NotNull @Valid DecisionRequest decision) {
    }

    /** A decision alone: selection for promotion, designation as a key product. */
    record DecisionOnlyRequest(@NotNull @Valid DecisionRequest decision) {
    }
}
