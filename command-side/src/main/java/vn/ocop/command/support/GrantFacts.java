package vn.ocop.command.support;

import java.time.LocalDate;
import java.util.Set;
import vn.ocop.command.common.ProblemType;
import vn.ocop.command.common.Reach;
import vn.ocop.command.product.ProductFacts;
import vn.ocop.command.subject.SubjectStandings;
import vn.ocop.command.subject.SubjectStandings.Standing;
import vn.ocop.command.subject.SubjectStandings.SubjectStanding;
import vn.ocop.command.support.SupportCommands.GrantSupportCommand;
import vn.ocop.events.support.SupportGrantEvent.SupportGranted;
import vn.ocop.events.support.FundingSource;
import vn.ocop.events.support.SupportKind;

/**
 * A grant being made, with what the policies need to know about it: the beneficiary, the product and the
 * ledger's counts. Gathering locks the beneficiary's and the commune's ledger rows for the transaction.
 */
final class GrantFacts implements SupportPolicies.Grant {

    private final GrantSupportCommand command;
    private final SubjectStanding subject;
    private final ProductFacts.Fact product;
    private final SupportLedger ledger;

    private GrantFacts(GrantSupportCommand command, SubjectStanding subject, ProductFacts.Fact product,
                       SupportLedger ledger) {
        this.command = command;
        this.subject = subject;
        this.product = product;
        this.ledger = ledger;
    }

    /** The facts of a grant; a subject outside the sender's {@code jurisdiction} is as unknown as no subject. */
    static GrantFacts gather(GrantSupportCommand command, SubjectStandings subjects, ProductFacts products,
                             SupportLedger ledger, Object jurisdiction) {
        SubjectStanding subject = subjects.find(command.subjectId())
                .filter(found -> Reach.reaches(jurisdiction, found.communeCode()))
                .orElseThrow(() -> new SupportRuleBroken(
                ProblemType.UNKNOWN_SUBJECT, "subjectId", "No subject is registered with that id.",
                "Không có chủ thể nào với mã này."));
        ProductFacts.Fact product = null;
        if (command.productId() != null) {
            product = products.of(command.productId())
                    .filter(found -> found.subjectId().equals(command.subjectId()))
                    .orElseThrow(() -> new SupportRuleBroken(ProblemType.PRODUCT_NOT_OF_SUBJECT, "productId",
                            "The product is unknown or belongs to another subject.",
                            "Sản phẩm không tồn tại hoặc thuộc chủ thể khác."));
        }
        ledger.lockFor(command.subjectId(), subject.communeCode(), command.fiscalYear());
        return new GrantFacts(command, subject, product, ledger);
    }

    SupportGranted granted(String budgetLineId, FundingSource source) {
        return new SupportGranted(command.grantId(), budgetLineId, command.subjectId(), command.productId(),
                command.kind(), command.amount(), command.costSharePercent(), source, command.fiscalYear(),
                subject.communeCode(), certificateId(), command.decision());
    }

    SupportLedger.Entry ledgerEntry() {
        return new SupportLedger.Entry(command.grantId(), command.subjectId(), command.productId(),
                subject.communeCode(), command.kind(), command.fiscalYear(), certificateId(), command.amount());
    }

    @Override
    public SupportKind kind() {
        return command.kind();
    }

    @Override
    public long amount() {
        return command.amount();
    }

    @Override
    public int fiscalYear() {
        return command.fiscalYear();
    }

    @Override
    public LocalDate decidedOn() {
        return command.decision().date();
    }

    @Override
    public boolean subjectActive() {
        return subject.standing() == Standing.ACTIVE;
    }

    @Override
    public boolean namesProduct() {
        return product != null;
    }

    @Override
    public boolean productInProgramme() {
        return product != null && product.inProgramme();
    }

    @Override
    public String productId() {
        return command.productId();
    }

    @Override
    public String certificateId() {
        return product == null ? null : product.certificateIdInForce();
    }

    @Override
    public long grantedToSubject(Set<SupportKind> kinds) {
        return ledger.grantedToSubject(command.subjectId(), kinds, command.fiscalYear());
    }

    @Override
    public boolean certificateSupported(Set<SupportKind> kinds, String certificateId) {
        return ledger.certificateSupported(kinds, certificateId);
    }

    @Override
    public Set<String> productsSupportedInCommune() {
        return ledger.productsSupportedInCommune(subject.communeCode(), command.fiscalYear());
    }
}
