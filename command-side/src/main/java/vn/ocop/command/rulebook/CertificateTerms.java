package vn.ocop.command.rulebook;

import java.time.LocalDate;
import vn.ocop.events.product.RenewalTerms;

/**
 * A certificate's dates: valid from its decision date until {@code expiresOn} (exclusive), renewed on the
 * terms in force on that expiry date.
 */
public record CertificateTerms(LocalDate expiresOn, RenewalTerms renewal) {
}
