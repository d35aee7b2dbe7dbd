package vn.ocop.command.common;

/**
 * A command broke a rule of the programme. Each subclass names one rule; the web layer maps it, in one
 * place, to a problem response whose {@code type} is {@link #problemType()}.
 */
public abstract class DomainRuleViolation extends RuntimeException {

    private final String messageVi;

    protected DomainRuleViolation(String messageEn, String messageVi) {
        super(messageEn, null, false, false);
        this.messageVi = messageVi;
    }

    /** A stable slug identifying the rule, e.g. {@code duplicate-registration-number}. */
    public abstract String problemType();

    /** The HTTP status the rule maps to: 409 for a conflict with recorded state, 422 otherwise. */
    public int status() {
        return 422;
    }

    /** The field of the request that broke the rule, or null when the rule concerns the whole command. */
    public String field() {
        return null;
    }

    public String messageVi() {
        return messageVi;
    }
}
