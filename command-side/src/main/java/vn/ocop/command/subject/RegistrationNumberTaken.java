package vn.ocop.command.subject;

import vn.ocop.command.common.DomainRuleViolation;

/** A business registration or tax number identifies one subject only. */
final class RegistrationNumberTaken extends DomainRuleViolation {

    RegistrationNumberTaken() {
        super("duplicate-registration-number", "registrationNumber", 409,
                "Another subject is already registered with this registration number.",
                "Mã số đăng ký kinh doanh / mã số thuế này đã được dùng cho một chủ thể khác.");
    }
}
