package vn.ocop.command.subject;

/**
 * Whether a subject may register products now: a lookup the subject aggregate keeps in the transaction of its
 * own events, for other aggregates' rules.
 */
public interface SubjectStandings {

    enum Standing { ACTIVE, SUSPENDED, DISSOLVED }

    void record(String subjectId, Standing standing);

    /** True only for a registered subject that is neither suspended nor dissolved. */
    boolean mayRegisterProducts(String subjectId);
}
