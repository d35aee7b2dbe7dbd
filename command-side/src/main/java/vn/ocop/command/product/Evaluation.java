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
}
