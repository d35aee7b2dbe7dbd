package vn.ocop.command.product;

import java.time.LocalDate;
import vn.ocop.command.common.DomainRuleViolation;
import vn.ocop.command.common.ProblemType;

/** A step the product's cycle does not allow now: each rule has a named factory and a stable problem type. */
public final class ProductRuleBroken extends DomainRuleViolation {

    private ProductRuleBroken(ProblemType type, String field, String messageEn, String messageVi) {
        super(type, field, messageEn, messageVi);
    }

    static ProductRuleBroken step(ProblemType type, String messageEn, String messageVi) {
        return new ProductRuleBroken(type, null, messageEn, messageVi);
    }

    static ProductRuleBroken dateInFuture(String field, LocalDate date) {
        return new ProductRuleBroken(ProblemType.DATE_IN_FUTURE, field,
                "The date " + date + " is in the future.", "Ngày " + date + " ở tương lai.");
    }

    static ProductRuleBroken dateBeforeEarlierStep(String field, LocalDate date, LocalDate earlier) {
        return new ProductRuleBroken(ProblemType.DATE_BEFORE_EARLIER_STEP, field,
                "The date " + date + " is before the product's earlier step on " + earlier + ".",
                "Ngày " + date + " trước bước trước đó của sản phẩm (ngày " + earlier + ").");
    }

    static ProductRuleBroken subjectCannotRegister() {
        return new ProductRuleBroken(ProblemType.SUBJECT_NOT_ACTIVE, "subjectId",
                "The subject is not registered, or is suspended or dissolved: it registers no new products.",
                "Chủ thể chưa đăng ký, đang bị đình chỉ hoặc đã giải thể: không được đăng ký sản phẩm mới.");
    }

    static ProductRuleBroken reasonsRequired() {
        return new ProductRuleBroken(ProblemType.REASONS_REQUIRED, "reasons",
                "Returning or rejecting needs at least one reason.", "Trả lại hoặc từ chối phải nêu ít nhất một lý do.");
    }

    static ProductRuleBroken unknownEvaluation() {
        return new ProductRuleBroken(ProblemType.UNKNOWN_EVALUATION, "evaluationId",
                "The product has no evaluation with that id.", "Sản phẩm không có lần đánh giá với mã này.");
    }

    static ProductRuleBroken wrongLevel(String field, String messageEn, String messageVi) {
        return new ProductRuleBroken(ProblemType.WRONG_AUTHORITY_LEVEL, field, messageEn, messageVi);
    }
}
