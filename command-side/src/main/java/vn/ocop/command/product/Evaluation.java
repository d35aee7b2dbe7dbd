package vn.ocop.command.product;

import java.math.BigDecimal;
import java.time.LocalDate;
import vn.ocop.events.common.AuthorityLevel;
import vn.ocop.events.product.EvaluationKind;

/** A recorded council evaluation, as the aggregate needs it for later steps. */
record Evaluation(String id, EvaluationKind kind, AuthorityLevel level, LocalDate evaluatedOn, BigDecimal score,
                  Integer stars) {

    boolean isRated() {
        return stars != null;
    }

    /**
     * A recognition by {@code recogniser} rests on an evaluation by its own council; the exception is the province
     * recognising 3 or 4 stars on a central council's result under 90 points.
     */
    void requireCouncilOf(AuthorityLevel recogniser) {
        boolean ownCouncil = level == recogniser;
        boolean centralResultBelowFive = level == AuthorityLevel.CENTRAL && recogniser == AuthorityLevel.PROVINCE
                && stars < 5;
        if (!ownCouncil && !centralResultBelowFive) {
            throw ProductRuleBroken.wrongLevel("evaluationId",
                    "A recognition rests on an evaluation by the recognising level's council.",
                    "Quyết định công nhận dựa trên kết quả đánh giá của hội đồng cùng cấp.");
        }
    }
}
