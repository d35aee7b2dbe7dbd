package vn.ocop.command.subject;

import vn.ocop.command.common.DomainRuleViolation;
import vn.ocop.command.common.ProblemType;

/** A business registration or tax number identifies one subject only. */
final class RegistrationNumberTaken extends DomainRuleViolation {

    RegistrationNumberTaken() {
        super(ProblemType.DUPLICATE_REGISTRATION_NUMBER, "registrationNumber",
                "Another subject is already registered with this registration number.",
                "Mã số đăng ký kinh doanh / mã số thuế này đã được dùng cho một chủ thể khác.");
    }
}
