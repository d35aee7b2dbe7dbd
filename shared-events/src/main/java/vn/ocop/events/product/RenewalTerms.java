package vn.ocop.events.product;

import java.time.LocalDate;

/**
 * How a certificate is to be renewed, fixed when it is issued from the rules in force on its expiry date.
 * Under 148/QĐ-TTg the issuer notifies the subject ({@code noticeOn}); under 26/2026/QĐ-TTg the subject files
 * in a window ({@code windowOpensOn} to {@code windowClosesOn}) and a certificate awaiting its re-evaluation
 * decision stays valid at most until {@code pendingValidUntil}. Dates that do not apply are null.
 */
public record RenewalTerms(
        String legalBasis,
        LocalDate noticeOn,
        LocalDate windowOpensOn,
        LocalDate windowClosesOn,
        LocalDate pendingValidUntil) {
}
