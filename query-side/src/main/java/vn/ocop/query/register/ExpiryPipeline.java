package vn.ocop.query.register;

import java.util.List;

/**
 * Certificates coming up for renewal, as of a day.
 *
 * @param dueWithin30Days     valid certificates expiring within 30 days (likewise 60, 90)
 * @param noticesDue          148/QĐ-TTg certificates whose issuer notice is due and not yet past expiry
 * @param windowsOpen         26/2026/QĐ-TTg certificates whose re-evaluation window is open today
 * @param awaitingReEvaluation past expiry, kept valid while their re-evaluation decision is pending
 * @param lapsed              expired and not renewed
 * @param due                 the valid certificates expiring within the days asked, soonest first
 * @param awaiting            the certificates awaiting their re-evaluation decision, soonest expiry first
 */
public record ExpiryPipeline(int withinDays, long dueWithin30Days, long dueWithin60Days, long dueWithin90Days,
                             long noticesDue, long windowsOpen, long awaitingReEvaluation, long lapsed,
                             List<RegisterEntry> due, List<RegisterEntry> awaiting) {
}
