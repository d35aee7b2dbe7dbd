package vn.ocop.query.report;

import java.util.List;
import java.util.Map;

/**
 * The programme's figures for one year, by the business dates of the decisions. The register's identity holds:
 * {@code validAtYearEnd = validAtPreviousYearEnd + newRecognitions - expiries - revocations} (upgrades and
 * re-recognitions neither add nor remove a valid product).
 *
 * @param newRecognitionsByStars  first recognitions in the year, by stars (likewise by product group)
 * @param supportCommittedByKind  support of the fiscal year, in đồng, net of cancellations (by kind, by source)
 * @param districtsWithSupportedProducts the district-level units with a supported product that year
 * @param planProgress            progress at the year's end against the plans in force that year
 */
public record AnnualReview(
        int year,
        long newRecognitions,
        Map<Integer, Long> newRecognitionsByStars,
        Map<String, Long> newRecognitionsByGroup,
        long upgrades,
        long reRecognitions,
        long expiries,
        long revocations,
        Map<String, Long> revocationsByReason,
        long validAtPreviousYearEnd,
        long validAtYearEnd,
        Map<Integer, Long> validAtYearEndByStars,
        Map<String, Long> subjectsByLegalForm,
        Map<String, Long> supportCommittedByKind,
        Map<String, Long> supportCommittedBySource,
        Map<String, Long> supportDisbursedBySource,
        List<String> districtsWithSupportedProducts,
        List<String> districtsWithoutSupportedProducts,
        List<PlanMeasure> planProgress) {

    /**
     * Progress at the year's end against a target of a plan in force that year: products registered in the
     * programme by then against the planned number, and products valid at the year's end with at least the
     * stars a star target names.
     */
    public record PlanMeasure(String planTitle, String measure, long target, long achieved) {
    }
}
