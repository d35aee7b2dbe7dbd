package vn.ocop.command.support;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static vn.ocop.command.support.BudgetLine.notInFuture;
import static vn.ocop.command.support.BudgetLine.requirePositive;

import java.time.LocalDate;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;
import vn.ocop.command.common.BusinessCalendar;
import vn.ocop.command.common.ProblemType;
import vn.ocop.command.common.Reach;
import vn.ocop.command.support.SupportCommands.CancelSupportGrantCommand;
import vn.ocop.command.support.SupportCommands.CloseSupportGrantCommand;
import vn.ocop.command.support.SupportCommands.DisburseSupportCommand;
import vn.ocop.events.support.SupportGrantEvent.SupportDisbursed;
import vn.ocop.events.support.SupportGrantEvent.SupportGrantCancelled;
import vn.ocop.events.support.SupportGrantEvent.SupportGrantClosed;
import vn.ocop.events.support.SupportGrantEvent.SupportGranted;

/**
 * A support grant: made through its budget line, paid after the work in one or more disbursements against
 * vouchers and acceptance minutes, never beyond its amount; its undisbursed remainder may be cancelled (and
 * goes back to the line in the same transaction); it closes once paid in full.
 */
@Aggregate
class SupportGrant {

    @AggregateIdentifier
    private String grantId;
    private String budgetLineId;
    private LocalDate grantedOn;
    private long amount;
    private long disbursed;
    private boolean open;
    private String communeCode;

    /** For Axon, which rebuilds the aggregate from its events. */
    SupportGrant() {
    }

    /** Created by its budget line, which has checked the money and the policies. */
    SupportGrant(SupportGranted granted) {
        apply(granted);
    }

    @CommandHandler
    long handle(DisburseSupportCommand command, BusinessCalendar calendar) {
        requireOpen();
        requirePositive(command.amount(), "amount");
        requireDate(command.paidOn(), calendar);
        if (command.amount() > remainder()) {
            throw new SupportRuleBroken(ProblemType.OVER_DISBURSEMENT, "amount",
                    "Only " + remainder() + " đồng of the grant remain to be paid.",
                    "Chỉ còn " + remainder() + " đồng của khoản hỗ trợ chưa giải ngân.");
        }
        apply(new SupportDisbursed(grantId, command.disbursementId(), command.amount(), command.paidOn(),
                command.voucherReference().strip(), command.acceptanceMinutesReference().strip()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(CancelSupportGrantCommand command, CommitmentReleases releases, SupportLedger ledger,
                BusinessCalendar calendar) {
        requireOpen();
        requireDate(command.cancelledOn(), calendar);
        long released = remainder();
        if (released == 0) {
            throw new SupportRuleBroken(ProblemType.NOTHING_TO_CANCEL, null,
                    "The grant has been paid in full: there is nothing to cancel; close it.",
                    "Khoản hỗ trợ đã giải ngân đủ: không còn gì để hủy; hãy tất toán.");
        }
        apply(new SupportGrantCancelled(grantId, released, command.cancelledOn(), command.reason()));
        releases.release(budgetLineId, grantId, released);
        ledger.released(grantId, released);
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(CloseSupportGrantCommand command, BusinessCalendar calendar) {
        requireOpen();
        requireDate(command.closedOn(), calendar);
        if (remainder() > 0) {
            throw new SupportRuleBroken(ProblemType.GRANT_HAS_REMAINDER, null,
                    remainder() + " đồng remain unpaid: cancel them before closing the grant.",
                    "Còn " + remainder() + " đồng chưa giải ngân: hãy hủy phần còn lại trước khi tất toán.");
        }
        apply(new SupportGrantClosed(grantId, command.closedOn()));
        return AggregateLifecycle.getVersion();
    }

    /** Every command on a grant: only from someone whose jurisdiction holds its subject's commune. */
    @CommandHandlerInterceptor
    Object withinReach(CommandMessage<?> command, InterceptorChain chain) throws Exception {
        Reach.requireReach(command.getMetaData(), grantId, communeCode);
        return chain.proceed();
    }

    @EventSourcingHandler
    void on(SupportGranted event) {
        communeCode = event.communeCode();
        grantId = event.grantId();
        budgetLineId = event.budgetLineId();
        grantedOn = event.decision().date();
        amount = event.amount();
        open = true;
    }

    @EventSourcingHandler
    void on(SupportDisbursed event) {
        disbursed += event.amount();
    }

    @EventSourcingHandler
    void on(SupportGrantCancelled event) {
        open = false;
    }

    @EventSourcingHandler
    void on(SupportGrantClosed event) {
        open = false;
    }

    private long remainder() {
        return amount - disbursed;
    }

    private void requireOpen() {
        if (!open) {
            throw SupportRuleBroken.grantNotOpen();
        }
    }

    private void requireDate(LocalDate date, BusinessCalendar calendar) {
        notInFuture(date, calendar);
        if (date.isBefore(grantedOn)) {
            throw new SupportRuleBroken(ProblemType.DATE_BEFORE_EARLIER_STEP, "date",
                    "The date " + date + " is before the grant's decision of " + grantedOn + ".",
                    "Ngày " + date + " trước quyết định hỗ trợ ngày " + grantedOn + ".");
        }
    }
}
