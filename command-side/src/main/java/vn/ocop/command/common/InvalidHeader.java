package vn.ocop.command.common;

/** A request header the client sent is malformed. */
public final class InvalidHeader extends DomainRuleViolation {

    public InvalidHeader(String header, String messageEn, String messageVi) {
        super(ProblemType.INVALID_HEADER, header, "Invalid " + header + ": " + messageEn + ".",
                header + " không hợp lệ: " + messageVi + ".");
    }
}
