package vn.ocop.command.product;

import java.time.LocalDate;
import vn.ocop.command.common.DomainRuleViolation;

/** A step the product's cycle does not allow now: each rule has a named factory and a stable problem type. */
public final class ProductRuleBroken extends DomainRuleViolation {

    private ProductRuleBroken(String problemType, String field, int status, String messageEn, String messageVi) {
        super(problemType, field, status, messageEn, messageVi);
    }

    static ProductRuleBroken step(String problemType, String messageEn, String messageVi) {
        return new ProductRuleBroken(problemType, null, 409, messageEn, messageVi);
    }

    static ProductRuleBroken dateInFuture(String field, LocalDate date) {
        return new ProductRuleBroken("date-in-future", field, 422,
                "The date " + date + " is in the future.", "Ngày " + date + " ở tương lai.");
    }

    static ProductRuleBroken dateBeforeEarlierStep(String field, LocalDate date, LocalDate earlier) {
        return new ProductRuleBroken("date-before-earlier-step", field, 422,
                "The date " + date + " is before the product's earlier step on " + earlier + ".",
                "Ngày " + date + " trước bước trước đó của sản phẩm (ngày " + earlier + ").");
    }

    static ProductRuleBroken subjectCannotRegister() {
        return new ProductRuleBroken("subject-not-active", "subjectId", 422,
                "The subject is not registered, or is suspended or dissolved: it registers no new products.",
                "Chủ thể chưa đăng ký, đang bị đình chỉ hoặc đã giải thể: không được đăng ký sản phẩm mới.");
    }

    static ProductRuleBroken reasonsRequired() {
        return new ProductRuleBroken("reasons-required", "reasons", 422,
                "Returning or rejecting needs at least one reason.", "Trả lại hoặc từ chối phải nêu ít nhất một lý do.");
    }

    static ProductRuleBroken unknownEvaluation() {
        return new ProductRuleBroken("unknown-evaluation", "evaluationId", 422,
                "The product has no evaluation with that id.", "Sản phẩm không có lần đánh giá với mã này.");
    }

    static ProductRuleBroken wrongLevel(String field, String messageEn, String messageVi) {
        return new ProductRuleBroken("wrong-authority-level", field, 422, messageEn, messageVi);
    }
}
