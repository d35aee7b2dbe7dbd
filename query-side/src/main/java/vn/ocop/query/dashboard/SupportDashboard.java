package vn.ocop.query.dashboard;

import java.util.List;
import java.util.Map;

/**
 * A fiscal year's support: every budget line and its use, and the money by kind, source and district.
 * Amounts in whole đồng; committed is net of cancellations.
 */
public record SupportDashboard(int fiscalYear, List<Line> lines, Map<String, Overview.Money> byKind,
                               Map<String, Overview.Money> bySource, Map<String, Overview.Money> byDistrict) {

    /** A budget line and how much of it is used. */
    public record Line(String budgetLineId, String provinceCode, String source, long allocated, long committed,
                       long disbursed, long remaining, boolean closed, String decisionNumber) {
    }
}
