package vn.ocop.command.product;

import java.time.LocalDate;

/** A date in a certificate's life that the scheduler brings back to its product when it arrives. */
public record CertificateDeadline(String certificateId, LocalDate dueOn) {

    static final String RENEWAL_NOTICE = "certificate-renewal-notice";
    static final String WINDOW_OPENS = "certificate-re-evaluation-window-opens";
    static final String WINDOW_CLOSES = "certificate-re-evaluation-window-closes";
    static final String EXPIRY = "certificate-expiry";
    static final String PENDING_EXPIRY = "certificate-pending-expiry";
}
