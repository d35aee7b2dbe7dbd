package vn.ocop.command.support;

import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Loads the budget line in the current unit of work and releases on it: the grant's cancellation and the
 * line's release are appended in one transaction or not at all.
 */
@Component
class RepositoryCommitmentReleases implements CommitmentReleases {

    private final Repository<BudgetLine> budgetLines;

    RepositoryCommitmentReleases(@Lazy @Qualifier("budgetLineRepository") Repository<BudgetLine> budgetLines) {
        this.budgetLines = budgetLines;
    }

    @Override
    public void release(String budgetLineId, String grantId, long amount) {
        budgetLines.load(budgetLineId).execute(line -> line.release(grantId, amount));
    }
}
