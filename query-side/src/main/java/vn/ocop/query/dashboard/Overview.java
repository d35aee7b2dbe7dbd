package vn.ocop.query.dashboard;

import java.util.Map;

/**
 * The headline figures officials watch.
 *
 * @param products     products registered, in force by stars and by group, by stage, and flagged
 * @param subjects     subjects by legal form and standing, and the cooperative and enterprise shares (percent)
 * @param certificates certificates expiring within 90 days, awaiting re-evaluation, expired, revoked
 * @param support      the fiscal year's money: allocated, committed, disbursed, by funding source
 */
public record Overview(Products products, Subjects subjects, Certificates certificates, Support support) {

    public record Products(long registered, long inForce, Map<Integer, Long> inForceByStars,
                           Map<String, Long> inForceByGroup, Map<String, Long> byStage, long keyProducts,
                           long provincialLevel, long nominatedForFiveStars) {
    }

    public record Subjects(long total, Map<String, Long> byLegalForm, Map<String, Long> byStanding,
                           double cooperativeSharePercent, double enterpriseSharePercent) {
    }

    public record Certificates(long expiringWithin90Days, long awaitingReEvaluation, long expired, long revoked) {
    }

    public record Support(int fiscalYear, long allocated, long committed, long disbursed, long grants,
                          Map<String, Money> bySource, Map<String, Money> byKind) {
    }

    /** Amounts in whole đồng. */
    public record Money(long allocated, long committed, long disbursed) {
    }
}
