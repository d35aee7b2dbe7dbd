package vn.ocop.events.support;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import vn.ocop.events.common.Decision;

/**
 * Everything that can happen to a budget line: the money of one funding source for one fiscal year in one
 * province. Amounts are whole Vietnamese đồng.
 */
public sealed interface BudgetLineEvent {

    String budgetLineId();

    @Revision("1")
    record BudgetLineAllocated(String budgetLineId, String provinceCode, FundingSource source, int fiscalYear,
                               long amount, Decision decision) implements BudgetLineEvent {
    }

    /** The allocation changed to {@code amount}; never below what is already committed. */
    @Revision("1")
    record BudgetLineAmended(String budgetLineId, long previousAmount, long amount, Decision decision)
            implements BudgetLineEvent {
    }

    /** A grant committed money on the line. */
    @Revision("1")
    record SupportCommitted(String budgetLineId, String grantId, long amount) implements BudgetLineEvent {
    }

    /** A cancelled grant's undisbursed remainder went back to the line. */
    @Revision("1")
    record CommitmentReleased(String budgetLineId, String grantId, long amount) implements BudgetLineEvent {
    }

    /** The fiscal year is closed on the line: nothing more is granted on it. */
    @Revision("1")
    record BudgetLineClosed(String budgetLineId, LocalDate closedOn) implements BudgetLineEvent {
    }
}
