package vn.ocop.command.common;

/**
 * A command broke a rule of the programme. Each rule has a stable problem type (a slug such as
 * {@code duplicate-registration-number}); the web layer maps it, in one place, to a problem response with
 * that type, the status given here and the message in English and Vietnamese.
 */
public abstract class DomainRuleViolation extends RuntimeException {

    private final ProblemType type;
    private final String field;
    private final String messageVi;

    /**
     * @param type  the rule, which also fixes the status: 409 for a conflict with recorded state, 422 for a
     *              request the rules refuse
     * @param field the request field that broke it, or null when the rule concerns the whole command
     */
    protected DomainRuleViolation(ProblemType type, String field, String messageEn, String messageVi) {
        super(messageEn, null, false, false);
        this.type = type;
        this.field = field;
        this.messageVi = messageVi;
    }

    public ProblemType type() {
        return type;
    }

    /** The rule's stable slug. */
    public String problemType() {
        return type.slug();
    }

    public int status() {
        return type.status();
    }

    public String field() {
        return field;
    }

    public String messageVi() {
        return messageVi;
    }
}
