package vn.ocop.command.rulebook;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import vn.ocop.command.common.DomainRuleViolation;
import vn.ocop.command.common.ProblemType;
import vn.ocop.events.common.AuthorityLevel;
import vn.ocop.reference.OfficialNames;
import vn.ocop.reference.ScoringSheets;

/**
 * A rule of the rulebook refused a step. Each rule has a named factory here and a stable problem type, so
 * that clients and tests can tell the rules apart.
 */
public final class RuleBroken extends DomainRuleViolation {

    /** The law that ended the district level, in the table of official names. */
    static final String DISTRICT_LEVEL_ABOLISHED_BY = "72/2025/QH15";
    private static final OfficialNames NAMES = OfficialNames.bundled();
    private static final DateTimeFormatter VIETNAMESE_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private RuleBroken(ProblemType type, String field, String messageEn, String messageVi) {
        super(type, field, messageEn, messageVi);
    }

    static RuleBroken partScoreAboveMaximum(String part, int maximum, String criteriaSet) {
        OfficialNames.Name decision = NAMES.decision(criteriaSet);
        return new RuleBroken(ProblemType.PART_SCORE_ABOVE_MAXIMUM, "memberScores",
                "A member's part " + part + " score is above its maximum of " + maximum + " under " + decision.en()
                        + ".",
                "Điểm phần " + part + " của thành viên vượt mức tối đa " + maximum + " theo " + decision.vi() + ".");
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

    static RuleBroken sheetsRequired(String field, String decision) {
        OfficialNames.Name named = NAMES.decision(decision);
        return new RuleBroken(ProblemType.SHEETS_REQUIRED, field,
                "Under " + named.en() + " the council records every member's scoring sheet (memberSheets); the part "
                        + "totals and the minimums level are derived from the sheets, not given.",
                "Theo " + named.vi() + ", hội đồng ghi phiếu đánh giá của từng thành viên (memberSheets); điểm các phần "
                        + "và mức sao đạt tiêu chí bắt buộc được tính từ phiếu, không nhập trực tiếp.");
    }

    static RuleBroken sheetsNotHeld(String decision) {
        OfficialNames.Name named = NAMES.decision(decision);
        return new RuleBroken(ProblemType.SHEETS_NOT_HELD, "memberSheets",
                "The scoring sheets of " + named.en() + " are not held as data: record the members' part totals "
                        + "(memberScores) and the minimums level (minimumsMetUpTo).",
                "Phiếu đánh giá theo " + named.vi() + " không có trong dữ liệu tham chiếu: ghi điểm các phần của từng "
                        + "thành viên (memberScores) và mức sao đạt tiêu chí bắt buộc (minimumsMetUpTo).");
    }

    static RuleBroken sheetAwaitingCheck(String set, List<String> flagged) {
        return new RuleBroken(ProblemType.SHEETS_NOT_HELD, "memberSheets",
                "The scoring sheet of product set " + set + " awaits checking against the decision's text (" 
                        + String.join(", ", flagged) + "): until corrected, record the members' part totals "
                        + "(memberScores) and the minimums level (minimumsMetUpTo).",
                "Phiếu đánh giá của bộ sản phẩm " + set + " đang chờ đối chiếu với văn bản quyết định ("
                        + String.join(", ", flagged) + "): trong khi chờ, ghi điểm các phần của từng thành viên "
                        + "(memberScores) và mức sao đạt tiêu chí bắt buộc (minimumsMetUpTo).");
    }

    static RuleBroken criterionNotAnswered(int member, ScoringSheets.Criterion criterion, String set) {
        return new RuleBroken(ProblemType.CRITERION_NOT_ANSWERED, answerField(member, criterion.code()),
                "Member " + (member + 1) + "'s sheet does not answer criterion " + criterion.code() + " (\""
                        + criterion.name() + "\") of product set " + set + ".",
                "Phiếu của thành viên thứ " + (member + 1) + " chưa chấm tiêu chí " + criterion.code() + " (\""
                        + criterion.name() + "\") của bộ sản phẩm " + set + ".");
    }

    static RuleBroken noSuchOption(int member, ScoringSheets.Criterion criterion, int option) {
        int last = criterion.answers().size() - 1;
        return new RuleBroken(ProblemType.NO_SUCH_OPTION, answerField(member, criterion.code()),
                "Member " + (member + 1) + " chose option " + option + " on criterion " + criterion.code() + " (\""
                        + criterion.name() + "\"), which has options 0 to " + last + ".",
                "Thành viên thứ " + (member + 1) + " chọn phương án " + option + " ở tiêu chí " + criterion.code()
                        + " (\"" + criterion.name() + "\"), tiêu chí chỉ có các phương án từ 0 đến " + last + ".");
    }

    static RuleBroken unknownCriterion(int member, String code, String set) {
        return new RuleBroken(ProblemType.UNKNOWN_CRITERION, answerField(member, code),
                "Member " + (member + 1) + "'s sheet answers criterion " + code + ", which product set " + set
                        + "'s criteria set does not have.",
                "Phiếu của thành viên thứ " + (member + 1) + " chấm tiêu chí " + code + ", không có trong bộ tiêu chí "
                        + "của bộ sản phẩm " + set + ".");
    }

    static RuleBroken productSetRequired() {
        return new RuleBroken(ProblemType.PRODUCT_SET_REQUIRED, "productSetCode",
                "The product has no product set on record: name the product set (productSetCode, 1 to 26) whose "
                        + "scoring sheet the council filled.",
                "Sản phẩm chưa có bộ sản phẩm: ghi bộ sản phẩm (productSetCode, từ 1 đến 26) mà hội đồng dùng phiếu "
                        + "đánh giá.");
    }

    static RuleBroken productSetMismatch(String why, String whyVi) {
        return new RuleBroken(ProblemType.PRODUCT_SET_MISMATCH, "productSetCode", why, whyVi);
    }

    private static String answerField(int member, String criterion) {
        return "memberSheets[" + member + "].options['" + criterion + "']";
    }

    static RuleBroken noCriteriaSet(LocalDate date) {
        return new RuleBroken(ProblemType.NO_CRITERIA_SET, "evaluatedOn", "No criteria set is in force on " + date + ".",
                "Không có bộ tiêu chí nào có hiệu lực vào ngày " + vi(date) + ".");
    }

    static RuleBroken scoredUnderNotApplicable(String claimed, String applies, String why, String whyVi) {
        OfficialNames.Name stated = NAMES.decision(claimed);
        OfficialNames.Name decided = NAMES.decision(applies);
        return new RuleBroken(ProblemType.SCORED_UNDER_NOT_APPLICABLE, "scoredUnder",
                "The evaluation cannot be scored under " + stated.en() + ": " + why + " It is scored under "
                        + decided.en() + ".",
                "Không thể chấm điểm theo " + stated.vi() + ": " + whyVi + " Lần đánh giá này chấm theo "
                        + decided.vi() + ".");
    }

    /**
     * The district level acted on or after the day the two-tier local government began: it no longer exists,
     * and the province acts in its place (Law on the Organisation of Local Government No. 72/2025/QH15).
     */
    static RuleBroken levelAbolished(String field, LocalDate abolishedOn, LocalDate date) {
        OfficialNames.Name basis = NAMES.decision(DISTRICT_LEVEL_ABOLISHED_BY);
        return new RuleBroken(ProblemType.AUTHORITY_LEVEL_ABOLISHED, field,
                "The district level no longer exists since " + abolishedOn + " (two-tier local government, "
                        + basis.en() + "): on " + date + " the provincial level decides in its place.",
                "Cấp huyện không còn tồn tại từ ngày " + vi(abolishedOn) + " (chính quyền địa phương hai cấp theo "
                        + basis.vi() + "): vào ngày " + vi(date) + ", cấp tỉnh quyết định thay.");
    }

    static RuleBroken recognitionAuthorityMismatch(int stars, AuthorityLevel expected, AuthorityLevel given,
                                                   LocalDate date) {
        return new RuleBroken(ProblemType.RECOGNITION_AUTHORITY_MISMATCH, "decision.level",
                stars + "-star products are recognised at the " + NAMES.level(expected).en() + " on " + date
                        + ", not at the " + NAMES.level(given).en() + ".",
                "Sản phẩm " + stars + " sao do " + NAMES.level(expected).vi() + " công nhận vào ngày " + vi(date)
                        + ", không phải " + NAMES.level(given).vi() + ".");
    }

    static RuleBroken notRecognisable(String why) {
        return new RuleBroken(ProblemType.NOT_RECOGNISABLE, "stars", "The product cannot be recognised: " + why + ".",
                "Sản phẩm không đủ điều kiện công nhận: " + why + ".");
    }

    static RuleBroken forwardingNotAllowed(AuthorityLevel from, AuthorityLevel to, LocalDate date) {
        return new RuleBroken(ProblemType.FORWARDING_NOT_ALLOWED, "to",
                "No rule forwards products from the " + NAMES.level(from).en() + " to the " + NAMES.level(to).en()
                        + " on " + date + ".",
                "Không có quy định chuyển sản phẩm từ " + NAMES.level(from).vi() + " lên " + NAMES.level(to).vi()
                        + " vào ngày " + vi(date) + ".");
    }

    static RuleBroken noForwardedEvaluation(AuthorityLevel from, AuthorityLevel to, int minimum, LocalDate on) {
        return new RuleBroken(ProblemType.NO_FORWARDED_EVALUATION, "level",
                "On " + on + " the " + NAMES.level(to).en() + " council evaluates a product for the first time only "
                        + "after an evaluation at the " + NAMES.level(from).en() + " of at least " + minimum
                        + " points was forwarded to it; none was.",
                "Vào ngày " + vi(on) + ", hội đồng " + NAMES.level(to).vi() + " chỉ đánh giá lần đầu sản phẩm đã được "
                        + NAMES.level(from).vi() + " đánh giá từ " + minimum + " điểm trở lên và chuyển lên; sản phẩm "
                        + "này chưa được chuyển.");
    }

    static RuleBroken forwardingThresholdNotMet(BigDecimal score, int minimum, AuthorityLevel from,
                                                AuthorityLevel to) {
        return new RuleBroken(ProblemType.FORWARDING_THRESHOLD_NOT_MET, "evaluationId",
                "A score of " + score.toPlainString() + " is below the " + minimum + " points an evaluation at the "
                        + NAMES.level(from).en() + " needs to be forwarded to the " + NAMES.level(to).en() + ".",
                "Điểm " + vi(score) + " thấp hơn mức " + minimum + " điểm để chuyển sản phẩm từ "
                        + NAMES.level(from).vi() + " lên " + NAMES.level(to).vi() + ".");
    }

    /** The province proposes a product for the national 5-star evaluation only on a score of at least 90. */
    static RuleBroken nominationThresholdNotMet(BigDecimal score, int minimum) {
        return new RuleBroken(ProblemType.NOMINATION_THRESHOLD_NOT_MET, "evaluationId",
                "A score of " + score.toPlainString() + " is below the " + minimum + " points the provincial "
                        + "council's evaluation needs for a national 5-star nomination.",
                "Điểm " + vi(score) + " thấp hơn mức " + minimum + " điểm mà kết quả đánh giá của Hội đồng cấp tỉnh "
                        + "cần đạt để đề xuất đánh giá sản phẩm 5 sao quốc gia.");
    }

    static RuleBroken revocationAuthorityMismatch(AuthorityLevel recogniser, AuthorityLevel given) {
        return new RuleBroken(ProblemType.REVOCATION_AUTHORITY_MISMATCH, "decision.level",
                "Only the recognising " + NAMES.level(recogniser).en() + " (or its successor) may revoke, not the "
                        + NAMES.level(given).en() + ".",
                "Chỉ " + NAMES.level(recogniser).vi() + " đã công nhận (hoặc cấp kế thừa) mới được thu hồi, không phải "
                        + NAMES.level(given).vi() + ".");
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

    static RuleBroken noTaxonomy(LocalDate date) {
        return new RuleBroken(ProblemType.NO_PRODUCT_TAXONOMY, "registeredOn", "No product taxonomy is in force on " + date + ".",
                "Không có bảng phân loại sản phẩm nào có hiệu lực vào ngày " + vi(date) + ".");
    }

    /** A date as Vietnamese text writes it: dd/MM/yyyy. */
    static String vi(LocalDate date) {
        return date.format(VIETNAMESE_DATE);
    }

    /** A score as Vietnamese text writes it, with a decimal comma. */
    static String vi(BigDecimal score) {
        return score.toPlainString().replace('.', ',');
    }
}
