package vn.ocop.command.subject;

import java.util.Optional;

/**
 * Whether a subject may register products now: a lookup the subject aggregate keeps in the transaction of its
 * own events, for other aggregates' rules.
 */
public interface SubjectStandings {

    enum Standing { ACTIVE, SUSPENDED, DISSOLVED }

    /** A registered subject's standing and the commune of its address. */
    record SubjectStanding(Standing standing, String communeCode) {
    }

    void record(String subjectId, Standing standing);

    /** Records where the subject is (registration, or a profile update that moves it). */
    void located(String subjectId, String communeCode);

    /** True only for a registered subject that is neither suspended nor dissolved. */
    boolean mayRegisterProducts(String subjectId);

    /** The subject's standing and commune, if it is registered. */
    Optional<SubjectStanding> find(String subjectId);
}
