package vn.ocop.command.support;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import vn.ocop.events.common.Decision;
import vn.ocop.events.support.FundingSource;
import vn.ocop.events.support.SupportKind;

/** Commands on budget lines and support grants. Amounts are whole đồng. */
public final class SupportCommands {

    private SupportCommands() {
    }

    public record AllocateBudgetLineCommand(@TargetAggregateIdentifier String budgetLineId, String provinceCode,
                                            FundingSource source, int fiscalYear, long amount,
                                            Decision decision) {
    }

    public record AmendBudgetLineCommand(@TargetAggregateIdentifier String budgetLineId,
                                         @TargetAggregateVersion Long expectedVersion, long amount,
                                         Decision decision) {
    }

    public record CloseBudgetLineCommand(@TargetAggregateIdentifier String budgetLineId,
                                         @TargetAggregateVersion Long expectedVersion, LocalDate closedOn) {
    }

    /** Handled by the budget line, which commits the money and creates the grant in one transaction. */
    public record GrantSupportCommand(@TargetAggregateIdentifier String budgetLineId, String grantId,
                                      String subjectId, String productId, SupportKind kind, long amount,
                                      int costSharePercent, int fiscalYear, Decision decision) {
    }

    public record DisburseSupportCommand(@TargetAggregateIdentifier String grantId,
                                         @TargetAggregateVersion Long expectedVersion, String disbursementId,
                                         long amount, LocalDate paidOn, String voucherReference,
                                         String acceptanceMinutesReference) {
    }

    public record CancelSupportGrantCommand(@TargetAggregateIdentifier String grantId,
                                            @TargetAggregateVersion Long expectedVersion, LocalDate cancelledOn,
                                            String reason) {
    }

    public record CloseSupportGrantCommand(@TargetAggregateIdentifier String grantId,
                                           @TargetAggregateVersion Long expectedVersion, LocalDate closedOn) {
    }
}
