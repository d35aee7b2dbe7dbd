package vn.ocop.events.product;

import java.math.BigDecimal;

/** One council member's points for the three parts of the criteria set. */
public record MemberScore(BigDecimal partA, BigDecimal partB, BigDecimal partC) {

    public BigDecimal total() {
        return partA.add(partB).add(partC);
    }
}
