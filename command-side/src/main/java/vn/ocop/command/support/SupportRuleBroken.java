package vn.ocop.command.support;

import vn.ocop.command.common.DomainRuleViolation;
import vn.ocop.command.common.ProblemType;
import vn.ocop.reference.OfficialNames;

/** A rule of state support refused a command. */
final class SupportRuleBroken extends DomainRuleViolation {

    SupportRuleBroken(ProblemType type, String field, String messageEn, String messageVi) {
        super(type, field, messageEn, messageVi);
    }

    static SupportRuleBroken invalidAmount(String field) {
        return new SupportRuleBroken(ProblemType.INVALID_AMOUNT, field, "The amount must be a positive number of đồng.",
                "Số tiền phải là số đồng dương.");
    }

    static SupportRuleBroken lineClosed() {
        return new SupportRuleBroken(ProblemType.BUDGET_LINE_CLOSED, null, "The budget line's fiscal year is closed.",
                "Dòng ngân sách của năm này đã khóa sổ.");
    }

    static SupportRuleBroken overspent(long remaining) {
        return new SupportRuleBroken(ProblemType.BUDGET_LINE_OVERSPENT, "amount",
                "The grant exceeds the " + remaining + " đồng that remain uncommitted on the budget line.",
                "Số tiền hỗ trợ vượt quá " + remaining + " đồng còn lại của dòng ngân sách.");
    }

    static SupportRuleBroken grantNotOpen() {
        return new SupportRuleBroken(ProblemType.GRANT_NOT_OPEN, null,
                "The grant is cancelled or closed: nothing more is paid or cancelled.",
                "Khoản hỗ trợ đã hủy hoặc đã tất toán.");
    }

    /** A support policy refuses the grant: its code and basis in English, its basis and reason in Vietnamese. */
    static SupportRuleBroken policy(String code, String legalBasis, String whyEn, String whyVi) {
        OfficialNames.Name basis = OfficialNames.bundled().decision(legalBasis);
        return new SupportRuleBroken(ProblemType.SUPPORT_POLICY_VIOLATED, "kind",
                "Support policy " + code + " (" + basis.en() + ") refuses the grant: " + whyEn + ".",
                "Chính sách hỗ trợ theo " + basis.vi() + " không cho phép khoản hỗ trợ: " + whyVi + ".");
    }
}
