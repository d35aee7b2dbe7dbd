package vn.ocop.command.common;

/**
 * A command broke a rule of the programme. Each rule has a stable problem type (a slug such as
 * {@code duplicate-registration-number}); the web layer maps it, in one place, to a problem response with
 * that type, the status given here and the message in English and Vietnamese.
 */
public abstract class DomainRuleViolation extends RuntimeException {

    private final String problemType;
    private final String field;
    private final int status;
    private final String messageVi;

    /**
     * @param problemType the rule's slug
     * @param field       the request field that broke it, or null when the rule concerns the whole command
     * @param status      409 for a conflict with recorded state, 422 for a request the rules refuse
     */
    protected DomainRuleViolation(String problemType, String field, int status, String messageEn, String messageVi) {
        super(messageEn, null, false, false);
        this.problemType = problemType;
        this.field = field;
        this.status = status;
        this.messageVi = messageVi;
    }

    public String problemType() {
        return problemType;
    }

    public int status() {
        return status;
    }

    public String field() {
        return field;
    }

    public String messageVi() {
        return messageVi;
    }
}
