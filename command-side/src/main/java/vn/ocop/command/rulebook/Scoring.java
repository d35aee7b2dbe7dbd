package vn.ocop.command.rulebook;

import java.math.BigDecimal;
import java.util.List;
import vn.ocop.events.product.MemberScore;
import vn.ocop.events.product.MemberSheet;
import vn.ocop.events.product.MinimumNotMet;

/**
 * A council's evaluation as the rulebook scores it: from the members' scoring sheets under 26/2026, or from the
 * part totals and minimums level the council gives under the decisions whose sheets are not held as data.
 *
 * @param productSetCode  the product set whose criteria set applies, when the decision has one per set
 * @param memberScores    each member's part totals (derived from the sheets when there are sheets)
 * @param minimumsMetUpTo the highest star level whose mandatory minimums are met (derived from the sheets)
 * @param memberSheets    the members' sheets with the points of every answer; null without sheets
 * @param minimumsNotMet  the minimums the council's answers miss; null without sheets
 */
public record Scoring(String productSetCode, List<MemberScore> memberScores, BigDecimal score, int scoreBand,
                      int minimumsMetUpTo, Integer stars, List<MemberSheet> memberSheets,
                      List<MinimumNotMet> minimumsNotMet) {
}
