package vn.ocop.command.product;

import java.time.LocalDate;
import org.axonframework.deadline.DeadlineManager;
import vn.ocop.command.common.BusinessCalendar;
import vn.ocop.command.rulebook.CertificateTerms;
import vn.ocop.events.product.RenewalTerms;

/**
 * Puts a certificate's dates on the persistent scheduler, each at the start of its business date. A date
 * already past when the certificate is recorded falls due at once.
 */
final class CertificateSchedule {

    private final DeadlineManager deadlines;
    private final BusinessCalendar calendar;

    private CertificateSchedule(DeadlineManager deadlines, BusinessCalendar calendar) {
        this.deadlines = deadlines;
        this.calendar = calendar;
    }

    static CertificateSchedule of(DeadlineManager deadlines, BusinessCalendar calendar) {
        return new CertificateSchedule(deadlines, calendar);
    }

    void certificateIssued(String certificateId, CertificateTerms terms) {
        RenewalTerms renewal = terms.renewal();
        schedule(CertificateDeadline.RENEWAL_NOTICE, certificateId, renewal.noticeOn());
        schedule(CertificateDeadline.WINDOW_OPENS, certificateId, renewal.windowOpensOn());
        schedule(CertificateDeadline.WINDOW_CLOSES, certificateId, renewal.windowClosesOn());
        schedule(CertificateDeadline.EXPIRY, certificateId, terms.expiresOn());
    }

    void pendingExpiry(String certificateId, LocalDate validAtMostUntil) {
        schedule(CertificateDeadline.PENDING_EXPIRY, certificateId, validAtMostUntil);
    }

    private void schedule(String name, String certificateId, LocalDate dueOn) {
        if (dueOn != null) {
            deadlines.schedule(calendar.startOf(dueOn), name, new CertificateDeadline(certificateId, dueOn));
        }
    }
}
