package vn.ocop.command.subject;

import vn.ocop.command.common.DomainRuleViolation;
import vn.ocop.command.common.ProblemType;

/** A change of standing that the subject's current standing does not allow. */
final class SubjectStandingRefused extends DomainRuleViolation {

    SubjectStandingRefused(String messageEn, String messageVi) {
        super(ProblemType.SUBJECT_STANDING_CONFLICT, "change", messageEn, messageVi);
    }

    private SubjectStandingRefused(ProblemType type, String field, String messageEn, String messageVi) {
        super(type, field, messageEn, messageVi);
    }

    /** A registration or a change dated after today. */
    static SubjectStandingRefused dateInFuture(String field, java.time.LocalDate date) {
        return new SubjectStandingRefused(ProblemType.DATE_IN_FUTURE, field, "The date " + date + " is in the future.",
                "Ngày " + date + " ở tương lai.");
    }

    static SubjectStandingRefused dissolved() {
        return new SubjectStandingRefused("The subject is dissolved; nothing about it changes any more.",
                "Chủ thể đã giải thể; không thể thay đổi thông tin.");
    }

    static SubjectStandingRefused notSuspended() {
        return new SubjectStandingRefused("Only a suspended subject is reinstated.",
                "Chỉ chủ thể đang bị đình chỉ mới được khôi phục.");
    }

    static SubjectStandingRefused alreadySuspended() {
        return new SubjectStandingRefused("The subject is already suspended.", "Chủ thể đang bị đình chỉ.");
    }

    static SubjectStandingRefused dateInFuture() {
        return new SubjectStandingRefused("The effective date is in the future.", "Ngày hiệu lực ở tương lai.");
    }
}
