package vn.ocop.events.product;

/** Why a council evaluates a product. */
public enum EvaluationKind {
    /** The product's first evaluation (đánh giá lần đầu). */
    FIRST,
    /** To raise a recognised product's stars (nâng hạng). */
    UPGRADE,
    /** To renew a certificate reaching the end of its validity (đánh giá lại). */
    RE_EVALUATION
}
