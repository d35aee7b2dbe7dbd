package vn.ocop.events.support;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import vn.ocop.events.common.Decision;

/** Everything that can happen to a support grant. Amounts are whole Vietnamese đồng. */
public sealed interface SupportGrantEvent {

    String grantId();

    /**
     * Support was granted, committing {@code amount} on the budget line.
     *
     * @param productId       the supported product, for kinds bound to a product; else null
     * @param costSharePercent the share of the cost the support covers, 1 to 100
     * @param communeCode      the beneficiary's commune when granted (for per-commune policies and reports)
     * @param certificateId    the product's certificate in force when granted, if any (for once-per-recognition)
     */
    @Revision("1")
    record SupportGranted(String grantId, String budgetLineId, String subjectId, String productId, SupportKind kind,
                          long amount, int costSharePercent, FundingSource source, int fiscalYear,
                          String communeCode, String certificateId, Decision decision)
            implements SupportGrantEvent {
    }

    /** Part of the grant was paid, after the work, against a voucher and acceptance minutes. */
    @Revision("1")
    record SupportDisbursed(String grantId, String disbursementId, long amount, LocalDate paidOn,
                            String voucherReference, String acceptanceMinutesReference)
            implements SupportGrantEvent {
    }

    /** The undisbursed remainder was cancelled and released to the budget line. */
    @Revision("1")
    record SupportGrantCancelled(String grantId, long releasedAmount, LocalDate cancelledOn, String reason)
            implements SupportGrantEvent {
    }

    /** The grant is settled: nothing more is paid or cancelled. */
    @Revision("1")
    record SupportGrantClosed(String grantId, LocalDate closedOn) implements SupportGrantEvent {
    }
}
