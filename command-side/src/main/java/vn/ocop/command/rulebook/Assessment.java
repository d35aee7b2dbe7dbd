package vn.ocop.command.rulebook;

import java.math.BigDecimal;

/**
 * What a council's scores amount to.
 *
 * @param score     the mean of the members' totals, truncated to two decimals (never rounded up into a band)
 * @param scoreBand the stars the score alone earns
 * @param stars     the rating — the lower of the band and the minimums met — or null when disqualified
 */
public record Assessment(BigDecimal score, int scoreBand, Integer stars) {

    public boolean isRated() {
        return stars != null;
    }
}
