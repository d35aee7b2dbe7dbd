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
import java.util.Map;
import vn.ocop.command.rulebook.MemberAnswers;
import vn.ocop.command.common.DecisionRequest;
import vn.ocop.events.common.AuthorityLevel;
import vn.ocop.events.product.Disqualification;
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
     *
     * <p>Under 26/2026 the council gives every member's scoring sheet ({@code memberSheets}: per criterion code, the
     * index from 0 of the option chosen) and, for a product registered without a product set, the set it scored
     * with ({@code productSetCode}); the part totals and the minimums level are derived. Under the earlier decisions,
     * and for the sets of 26/2026 awaiting checking against the decision's text, it gives the members' part totals
     * ({@code memberScores}) and the minimums level. A disqualified dossier names its ground ({@code
     * disqualification}) and may add the council's words ({@code disqualificationNote}).
     */
    record RecordEvaluationRequest(
            @NotNull EvaluationKind kind,
            @NotNull AuthorityLevel level,
            @Size(max = 100) String round,
            @NotNull LocalDate evaluatedOn,
            LocalDate dossierFiledOn,
            @Size(min = 1, max = 50) List<@NotNull @Valid MemberScoreRequest> memberScores,
            @Min(2) @Max(5) Integer minimumsMetUpTo,
            @Size(min = 1, max = 50) List<@NotNull @Valid MemberSheetRequest> memberSheets,
            @Size(max = 3) @Pattern(regexp = "[0-9]+", message = "a product set number, 1 to 26") String productSetCode,
            Disqualification disqualification,
            @Size(max = 1000) String disqualificationNote,
            @Size(max = 40) @Pattern(regexp = "[0-9A-Za-z\\-]*", message = "letters, digits and dashes")
            String officialProductCode,
            @Size(max = 20) @Pattern(regexp = "QD[0-9_]+", message = "a decision code such as QD148_1489")
            String scoredUnder) {

        List<MemberScore> scores() {
            return memberScores == null ? null : memberScores.stream().map(MemberScoreRequest::toScore).toList();
        }

        List<MemberAnswers> sheets() {
            return memberSheets == null ? null : memberSheets.stream().map(MemberSheetRequest::toAnswers).toList();
        }
    }

    /** One member's scoring sheet: the member's name and, per criterion code, the index of the option chosen. */
    record MemberSheetRequest(
            @Size(max = 200) String member,
            @NotEmpty @Size(max = 100) Map<@NotBlank @Size(max = 10) String, @NotNull Integer> options) {

        MemberAnswers toAnswers() {
            return new MemberAnswers(member, options);
        }
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
