package vn.ocop.query.support;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.ocop.events.support.BudgetLineEvent.BudgetLineAllocated;
import vn.ocop.events.support.BudgetLineEvent.BudgetLineAmended;
import vn.ocop.events.support.BudgetLineEvent.BudgetLineClosed;
import vn.ocop.events.support.BudgetLineEvent.CommitmentReleased;
import vn.ocop.events.support.BudgetLineEvent.SupportCommitted;
import vn.ocop.events.support.SupportGrantEvent.SupportDisbursed;
import vn.ocop.events.support.SupportGrantEvent.SupportGrantCancelled;
import vn.ocop.events.support.SupportGrantEvent.SupportGrantClosed;
import vn.ocop.events.support.SupportGrantEvent.SupportGranted;

/**
 * Keeps the support ledger. Each row remembers the sequence of the last event of its aggregate applied to it,
 * and a statement only takes effect on a row still below that sequence: replays and retried batches change
 * nothing. Disbursed totals of a line are summed from its grants when read.
 */
@Component
@ProcessingGroup(SupportLedgerProjection.PROCESSING_GROUP)
class SupportLedgerProjection {

    static final String PROCESSING_GROUP = "support-ledger";

    private final JdbcTemplate jdbc;

    SupportLedgerProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(BudgetLineAllocated event, @SequenceNumber long sequence) {
        jdbc.update("""
                insert into budget_line_view (budget_line_id, province_code, source, fiscal_year, allocated, committed,
                    closed, decision_number, decided_on, version)
                values (?, ?, ?, ?, ?, 0, false, ?, ?, ?) on conflict (budget_line_id) do nothing""",
                event.budgetLineId(), event.provinceCode(), event.source().name(), event.fiscalYear(), event.amount(),
                event.decision().number(), event.decision().date(), sequence);
    }

    @EventHandler
    void on(BudgetLineAmended event, @SequenceNumber long sequence) {
        line("allocated = ?", event.budgetLineId(), sequence, event.amount());
    }

    @EventHandler
    void on(SupportCommitted event, @SequenceNumber long sequence) {
        line("committed = committed + ?", event.budgetLineId(), sequence, event.amount());
    }

    @EventHandler
    void on(CommitmentReleased event, @SequenceNumber long sequence) {
        line("committed = committed - ?", event.budgetLineId(), sequence, event.amount());
    }

    @EventHandler
    void on(BudgetLineClosed event, @SequenceNumber long sequence) {
        line("closed = ?", event.budgetLineId(), sequence, true);
    }

    @EventHandler
    void on(SupportGranted event, @SequenceNumber long sequence) {
        jdbc.update("""
                insert into support_grant_view (grant_id, budget_line_id, subject_id, product_id, kind, amount,
                    cost_share_percent, source, fiscal_year, commune_code, decision_number, granted_on, disbursed,
                    released, status, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 'OPEN', ?) on conflict (grant_id) do nothing""",
                event.grantId(), event.budgetLineId(), event.subjectId(), event.productId(), event.kind().name(),
                event.amount(), event.costSharePercent(), event.source().name(), event.fiscalYear(),
                event.communeCode(), event.decision().number(), event.decision().date(), sequence);
    }

    @EventHandler
    void on(SupportDisbursed event, @SequenceNumber long sequence) {
        grant("disbursed = disbursed + ?", event.grantId(), sequence, event.amount());
    }

    @EventHandler
    void on(SupportGrantCancelled event, @SequenceNumber long sequence) {
        grant("released = ?, status = 'CANCELLED'", event.grantId(), sequence, event.releasedAmount());
    }

    @EventHandler
    void on(SupportGrantClosed event, @SequenceNumber long sequence) {
        grant("status = ?", event.grantId(), sequence, "CLOSED");
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from support_grant_view");
        jdbc.update("delete from budget_line_view");
    }

    private void line(String assignment, String budgetLineId, long sequence, Object value) {
        jdbc.update("update budget_line_view set " + assignment + ", version = ? where budget_line_id = ? and version < ?",
                value, sequence, budgetLineId, sequence);
    }

    private void grant(String assignment, String grantId, long sequence, Object value) {
        jdbc.update("update support_grant_view set " + assignment + ", version = ? where grant_id = ? and version < ?",
                value, sequence, grantId, sequence);
    }
}
