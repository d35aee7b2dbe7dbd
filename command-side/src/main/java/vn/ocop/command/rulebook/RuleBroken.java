package vn.ocop.command.rulebook;

import vn.ocop.command.common.DomainRuleViolation;
import vn.ocop.command.common.ProblemType;

/**
 * A rule of the rulebook refused a step. Each rule has a named factory here and a stable problem type, so
 * that clients and tests can tell the rules apart.
 */
public final class RuleBroken extends DomainRuleViolation {

    private RuleBroken(ProblemType type, String field, String messageEn, String messageVi) {
        super(type, field, messageEn, messageVi);
    }

    static RuleBroken partScoreAboveMaximum(String part, int maximum, String criteriaSet) {
        return new RuleBroken(ProblemType.PART_SCORE_ABOVE_MAXIMUM, "memberScores",
                "A member's part " + part + " score is above its maximum of " + maximum + " under " + criteriaSet + ".",
                "Điểm phần " + part + " của thành viên vượt mức tối đa " + maximum + " theo " + criteriaSet + ".");
    }

    static RuleBroken totalAboveHundred() {
        return new RuleBroken(ProblemType.TOTAL_SCORE_ABOVE_100, "memberScores",
                "A member's total is above 100 points.", "Tổng điểm của thành viên vượt quá 100 điểm.");
    }

    static RuleBroken invalidScore(String why) {
        return new RuleBroken(ProblemType.INVALID_SCORE, "memberScores", "Invalid member score: " + why + ".",
                "Điểm của thành viên không hợp lệ: " + why + ".");
    }

    static RuleBroken invalidMinimumsLevel() {
        return new RuleBroken(ProblemType.INVALID_MINIMUMS_LEVEL, "minimumsMetUpTo",
                "The highest star level whose mandatory minimums are met must be between 2 and 5.",
                "Mức sao cao nhất đạt các tiêu chí bắt buộc phải từ 2 đến 5.");
    }

    static RuleBroken noCriteriaSet(String date) {
        return new RuleBroken(ProblemType.NO_CRITERIA_SET, "evaluatedOn", "No criteria set is in force on " + date + ".",
                "Không có bộ tiêu chí nào có hiệu lực vào ngày " + date + ".");
    }

    static RuleBroken levelAbolished(String level, String date) {
        return new RuleBroken(ProblemType.AUTHORITY_LEVEL_ABOLISHED, "level",
                "The " + level + " level no longer exists on " + date + " (district level abolished 2025-07-01).",
                "Cấp " + level + " không còn tồn tại vào ngày " + date + " (bỏ cấp huyện từ 01/07/2025).");
    }

    static RuleBroken recognitionAuthorityMismatch(int stars, String expected, String given, String date) {
        return new RuleBroken(ProblemType.RECOGNITION_AUTHORITY_MISMATCH, "decision.level",
                stars + "-star products are recognised by the " + expected + " level on " + date + ", not the "
                        + given + " level.",
                "Sản phẩm " + stars + " sao do cấp " + expected + " công nhận vào ngày " + date + ", không phải cấp "
                        + given + ".");
    }

    static RuleBroken notRecognisable(String why) {
        return new RuleBroken(ProblemType.NOT_RECOGNISABLE, "stars", "The product cannot be recognised: " + why + ".",
                "Sản phẩm không đủ điều kiện công nhận: " + why + ".");
    }

    static RuleBroken forwardingNotAllowed(String from, String to, String date) {
        return new RuleBroken(ProblemType.FORWARDING_NOT_ALLOWED, "to",
                "No rule forwards products from the " + from + " to the " + to + " level on " + date + ".",
                "Không có quy định chuyển sản phẩm từ cấp " + from + " lên cấp " + to + " vào ngày " + date + ".");
    }

    static RuleBroken forwardingThresholdNotMet(String score, int minimum) {
        return new RuleBroken(ProblemType.FORWARDING_THRESHOLD_NOT_MET, null,
                "A score of " + score + " is below the " + minimum + " points needed to forward the product.",
                "Điểm " + score + " thấp hơn mức " + minimum + " điểm để chuyển sản phẩm lên cấp trên.");
    }

    static RuleBroken revocationAuthorityMismatch(String recogniser, String given) {
        return new RuleBroken(ProblemType.REVOCATION_AUTHORITY_MISMATCH, "decision.level",
                "Only the recognising " + recogniser + " level (or its successor) may revoke, not the " + given
                        + " level.",
                "Chỉ cấp " + recogniser + " đã công nhận (hoặc cấp kế thừa) mới được thu hồi, không phải cấp " + given
                        + ".");
    }

    static RuleBroken unknownRevocationReason(String code) {
        return new RuleBroken(ProblemType.UNKNOWN_REVOCATION_REASON, "reasonCode",
                "'" + code + "' is not a revocation reason.", "'" + code + "' không phải lý do thu hồi hợp lệ.");
    }

    static RuleBroken revocationTooLate(int days) {
        return new RuleBroken(ProblemType.REVOCATION_TOO_LATE, "decision.date",
                "A revocation is decided within " + days + " days of the conclusion that grounds it.",
                "Quyết định thu hồi phải ban hành trong vòng " + days + " ngày kể từ ngày có kết luận.");
    }

    static RuleBroken unknownProductGroup(String what, String taxonomy) {
        return new RuleBroken(ProblemType.UNKNOWN_PRODUCT_GROUP, "groupCode",
                what + " is not in taxonomy " + taxonomy + ", in force on the registration date.",
                what + " không thuộc bảng phân loại " + taxonomy + " có hiệu lực vào ngày đăng ký.");
    }

    static RuleBroken noTaxonomy(String date) {
        return new RuleBroken(ProblemType.NO_PRODUCT_TAXONOMY, "registeredOn", "No product taxonomy is in force on " + date + ".",
                "Không có bảng phân loại sản phẩm nào có hiệu lực vào ngày " + date + ".");
    }
}
