package vn.ocop.command.support;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import vn.ocop.command.common.DecisionRequest;
import vn.ocop.events.support.FundingSource;
import vn.ocop.events.support.SupportKind;

/** The bodies of the support command endpoints. Amounts are whole đồng: a JSON integer, positive. */
final class SupportRequests {

    private SupportRequests() {
    }

    record AllocateBudgetRequest(
            @NotBlank @Pattern(regexp = "\\d{2}", message = "a two-digit province code") String provinceCode,
            @NotNull FundingSource source,
            @NotNull @Min(2018) @Max(2100) Integer fiscalYear,
            @NotNull @Positive Long amount,
            @NotNull @Valid DecisionRequest decision) {
    }

    record AmendBudgetRequest(@NotNull @Positive Long amount, @NotNull @Valid DecisionRequest decision) {
    }

    record ClosureRequest(@NotNull LocalDate closedOn) {
    }

    record GrantRequest(
            @NotBlank @Size(max = 36) String budgetLineId,
            @NotBlank @Size(max = 36) String subjectId,
            @Size(max = 36) String productId,
            @NotNull SupportKind kind,
            @NotNull @Positive Long amount,
            @NotNull @Min(1) @Max(100) Integer costSharePercent,
            @NotNull @Min(2018) @Max(2100) Integer fiscalYear,
            @NotNull @Valid DecisionRequest decision) {
    }

    record DisbursementRequest(
            @NotNull @Positive Long amount,
            @NotNull LocalDate paidOn,
            @NotBlank @Size(max = 100) String voucherReference,
            @NotBlank @Size(max = 100) String acceptanceMinutesReference) {
    }

    record CancellationRequest(@NotNull LocalDate cancelledOn, @Size(max = 1000) String reason) {
    }
}
