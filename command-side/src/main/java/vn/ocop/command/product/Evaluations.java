package vn.ocop.command.product;

import static vn.ocop.command.product.ProductRuleBroken.step;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import vn.ocop.command.common.ProblemType;
import vn.ocop.events.common.AuthorityLevel;
import vn.ocop.events.product.ProductEvent.ProductEvaluated;
import vn.ocop.events.product.ProductEvent.ProductForwarded;

/**
 * The councils' record of one product: every evaluation recorded, which of them already ground a certificate, and
 * when one was last forwarded to the province. The product asks it whether an evaluation may be recorded, used
 * for a forwarding, a nomination or a recognition; it changes only through the recorded events (its
 * {@code noted…} methods, called from the product's event-sourcing handlers). Its fields are part of the
 * product's snapshot.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
final class Evaluations {

    private final Map<String, Evaluation> recorded = new HashMap<>();
    private final Set<String> used = new HashSet<>();
    /** The date of the latest forwarding of one of the evaluations to the province, if any. */
    private LocalDate forwardedToProvinceOn;

    /** An evaluation is recorded once under its identifier. */
    void requireNew(String evaluationId) {
        if (recorded.containsKey(evaluationId)) {
            throw step(ProblemType.EVALUATION_ALREADY_RECORDED, "This evaluation has already been recorded.",
                    "Lần đánh giá này đã được ghi nhận.");
        }
    }

    /** A recorded evaluation that gave a rating: a disqualified dossier grounds no later step. */
    Evaluation rated(String evaluationId) {
        Evaluation evaluation = recorded.get(evaluationId);
        if (evaluation == null) {
            throw ProductRuleBroken.unknownEvaluation();
        }
        if (!evaluation.isRated()) {
            throw step(ProblemType.EVALUATION_DISQUALIFIED, "The dossier was disqualified: the evaluation gives no rating.",
                    "Hồ sơ bị loại: kết quả đánh giá không xếp hạng sao.");
        }
        return evaluation;
    }

    /** The rated evaluation that may ground a certificate: one not already used for another. */
    Evaluation unusedForRecognition(String evaluationId) {
        Evaluation evaluation = rated(evaluationId);
        if (used.contains(evaluation.id())) {
            throw step(ProblemType.EVALUATION_ALREADY_USED, "This evaluation already grounds a certificate.",
                    "Kết quả đánh giá này đã được dùng để cấp giấy chứng nhận.");
        }
        return evaluation;
    }

    LocalDate forwardedToProvinceOn() {
        return forwardedToProvinceOn;
    }

    void noted(ProductEvaluated event) {
        recorded.put(event.evaluationId(), new Evaluation(event.evaluationId(), event.kind(), event.level(),
                event.evaluatedOn(), event.score(), event.stars()));
    }

    void noted(ProductForwarded event) {
        if (event.to() == AuthorityLevel.PROVINCE) {
            forwardedToProvinceOn = event.forwardedOn();
        }
    }

    void notedUsedFor(String evaluationId) {
        used.add(evaluationId);
    }
}
