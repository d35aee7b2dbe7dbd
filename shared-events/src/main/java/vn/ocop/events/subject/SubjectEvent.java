package vn.ocop.events.subject;

import org.axonframework.serialization.Revision;

/** Everything that can happen to an OCOP subject. */
public sealed interface SubjectEvent {

    /** The subject's identifier (a UUID string). */
    String subjectId();

    /**
     * A producer was registered as an OCOP subject.
     *
     * @param registrationNumber business registration or tax number, unique among subjects
     * @param communeCode        the commune-level unit of its address, by the code valid when registered
     */
    @Revision("1")
    record SubjectRegistered(
            String subjectId,
            LegalForm legalForm,
            String name,
            String registrationNumber,
            String communeCode,
            Representative representative) implements SubjectEvent {
    }
}
