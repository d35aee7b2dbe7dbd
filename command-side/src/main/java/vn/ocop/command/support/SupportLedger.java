package vn.ocop.command.support;

import java.util.Collection;
import java.util.Set;
import vn.ocop.events.support.SupportKind;

/**
 * What the support policies count — grants by subject, certificate and commune — as a lookup owned by the
 * command side, written in the transactions that commit and release money.
 */
interface SupportLedger {

    /** A committed grant, as the policies count it. */
    record Entry(String grantId, String subjectId, String productId, String communeCode, SupportKind kind,
                 int fiscalYear, String certificateId, long amount) {
    }

    /**
     * Serialises grants to the same beneficiary and commune and year, for the policies' counts to hold when
     * grants are made concurrently on different budget lines. Held until the transaction ends.
     */
    void lockFor(String subjectId, String communeCode, int fiscalYear);

    void committed(Entry entry);

    void released(String grantId, long amount);

    long grantedToSubject(String subjectId, Collection<SupportKind> kinds, int fiscalYear);

    boolean certificateSupported(Collection<SupportKind> kinds, String certificateId);

    Set<String> productsSupportedInCommune(String communeCode, int fiscalYear);
}
