package vn.ocop.query.report;

import java.util.List;
import java.util.Map;

/**
 * A phase of the programme (e.g. 2021–2025) summed from its years' reviews: what happened over the phase, the
 * valid products at its start and end, and each year's review.
 */
public record PhaseSummary(int fromYear, int toYear, long newRecognitions, Map<Integer, Long> newRecognitionsByStars,
                           long upgrades, long reRecognitions, long expiries, long revocations,
                           long validAtStart, long validAtEnd, Map<String, Long> supportCommittedBySource,
                           List<AnnualReview> years) {
}
