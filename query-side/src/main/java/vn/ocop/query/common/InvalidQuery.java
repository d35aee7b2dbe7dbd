package vn.ocop.query.common;

/** Query parameters that are each valid but do not fit together (e.g. a phase ending before it starts): 400. */
public class InvalidQuery extends RuntimeException {

    private final String field;
    private final String messageVi;

    public InvalidQuery(String field, String messageEn, String messageVi) {
        super(messageEn, null, false, false);
        this.field = field;
        this.messageVi = messageVi;
    }

    public String field() {
        return field;
    }

    public String messageVi() {
        return messageVi;
    }
}
