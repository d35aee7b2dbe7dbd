package vn.ocop.command.support;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.createNew;

import java.time.LocalDate;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;
import vn.ocop.command.common.BusinessCalendar;
import vn.ocop.command.common.ProblemType;
import vn.ocop.command.common.Reach;
import vn.ocop.command.product.ProductFacts;
import vn.ocop.command.subject.SubjectStandings;
import vn.ocop.command.support.SupportCommands.AllocateBudgetLineCommand;
import vn.ocop.command.support.SupportCommands.AmendBudgetLineCommand;
import vn.ocop.command.support.SupportCommands.CloseBudgetLineCommand;
import vn.ocop.command.support.SupportCommands.GrantSupportCommand;
import vn.ocop.events.support.BudgetLineEvent.BudgetLineAllocated;
import vn.ocop.events.support.BudgetLineEvent.BudgetLineAmended;
import vn.ocop.events.support.BudgetLineEvent.BudgetLineClosed;
import vn.ocop.events.support.BudgetLineEvent.CommitmentReleased;
import vn.ocop.events.support.BudgetLineEvent.SupportCommitted;
import vn.ocop.events.support.FundingSource;
import vn.ocop.events.support.SupportGrantEvent.SupportGranted;

/**
 * A budget line: the money of one funding source for one fiscal year in one province. Allocated by decision,
 * amended (never below what is committed), closed at the year's end. Grants are made through it: it commits
 * their money and creates them in one transaction, so two grants that together exceed what is left can
 * never both succeed — the line's own event sequence is the arbiter.
 */
@Aggregate
class BudgetLine {

    @AggregateIdentifier
    private String budgetLineId;
    private FundingSource source;
    private int fiscalYear;
    private long amount;
    private long committed;
    private boolean closed;

    /** For Axon, which rebuilds the aggregate from its events. */
    BudgetLine() {
    }

    @CommandHandler
    BudgetLine(AllocateBudgetLineCommand command, BudgetLineKeys keys, BusinessCalendar calendar) {
        requirePositive(command.amount(), "amount");
        notInFuture(command.decision().date(), calendar);
        keys.claim(command.provinceCode(), command.source().name(), command.fiscalYear(), command.budgetLineId());
        apply(new BudgetLineAllocated(command.budgetLineId(), command.provinceCode(), command.source(),
                command.fiscalYear(), command.amount(), command.decision()));
    }

    @CommandHandler
    long handle(AmendBudgetLineCommand command, BusinessCalendar calendar) {
        requireOpen();
        requirePositive(command.amount(), "amount");
        notInFuture(command.decision().date(), calendar);
        if (command.amount() < committed) {
            throw new SupportRuleBroken(ProblemType.AMENDMENT_BELOW_COMMITTED, "amount",
                    "The line cannot go below the " + committed + " đồng already committed on it.",
                    "Không thể giảm dòng ngân sách dưới " + committed + " đồng đã cam kết.");
        }
        apply(new BudgetLineAmended(budgetLineId, amount, command.amount(), command.decision()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(CloseBudgetLineCommand command, BusinessCalendar calendar) {
        requireOpen();
        notInFuture(command.closedOn(), calendar);
        apply(new BudgetLineClosed(budgetLineId, command.closedOn()));
        return AggregateLifecycle.getVersion();
    }

    /**
     * Commits the grant's money on this line and creates the grant, after the support policies allow it.
     * ({@code createNew} takes a factory that may throw, hence the clause.)
     */
    @CommandHandler
    void handle(GrantSupportCommand command, SupportPolicies policies, SubjectStandings subjects,
                ProductFacts products, SupportLedger ledger, BusinessCalendar calendar, MetaData metaData)
            throws Exception {
        requireOpen();
        requirePositive(command.amount(), "amount");
        notInFuture(command.decision().date(), calendar);
        if (command.fiscalYear() != fiscalYear) {
            throw new SupportRuleBroken(ProblemType.FISCAL_YEAR_MISMATCH, "fiscalYear",
                    "The budget line is for fiscal year " + fiscalYear + ".",
                    "Dòng ngân sách thuộc năm " + fiscalYear + ".");
        }
        if (command.amount() > remaining()) {
            throw SupportRuleBroken.overspent(remaining());
        }
        GrantFacts facts = GrantFacts.gather(command, subjects, products, ledger, metaData.get(Reach.JURISDICTION));
        policies.check(facts);
        apply(new SupportCommitted(budgetLineId, command.grantId(), command.amount()));
        ledger.committed(facts.ledgerEntry());
        SupportGranted granted = facts.granted(budgetLineId, source);
        createNew(SupportGrant.class, () -> new SupportGrant(granted));
    }

    /** A cancelled grant's remainder comes back; called by the grant within its cancellation's transaction. */
    void release(String grantId, long released) {
        apply(new CommitmentReleased(budgetLineId, grantId, released));
    }

    @EventSourcingHandler
    void on(BudgetLineAllocated event) {
        budgetLineId = event.budgetLineId();
        source = event.source();
        fiscalYear = event.fiscalYear();
        amount = event.amount();
    }

    @EventSourcingHandler
    void on(BudgetLineAmended event) {
        amount = event.amount();
    }

    @EventSourcingHandler
    void on(SupportCommitted event) {
        committed += event.amount();
    }

    @EventSourcingHandler
    void on(CommitmentReleased event) {
        committed -= event.amount();
    }

    @EventSourcingHandler
    void on(BudgetLineClosed event) {
        closed = true;
    }

    private long remaining() {
        return amount - committed;
    }

    private void requireOpen() {
        if (closed) {
            throw SupportRuleBroken.lineClosed();
        }
    }

    static void requirePositive(long amount, String field) {
        if (amount <= 0) {
            throw SupportRuleBroken.invalidAmount(field);
        }
    }

    static void notInFuture(LocalDate date, BusinessCalendar calendar) {
        if (date.isAfter(calendar.today())) {
            throw new SupportRuleBroken(ProblemType.DATE_IN_FUTURE, "date", "The date " + date + " is in the future.",
                    "Ngày " + date + " ở tương lai.");
        }
    }
}
