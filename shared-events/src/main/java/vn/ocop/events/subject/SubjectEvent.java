package vn.ocop.events.subject;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/** Everything that can happen to an OCOP subject. Its history stays whatever becomes of it. */
public sealed interface SubjectEvent {

    /** The subject's identifier (a UUID string). */
    String subjectId();

    /**
     * A producer was registered as an OCOP subject.
     *
     * @param registrationNumber business registration or tax number, unique among subjects
     * @param communeCode        the commune-level unit of its address, by the code valid when registered
     * @param labour             its people, when given
     * @param certifications     certifications held (food-safety establishment, VietGAP, ISO, HACCP, trademark…)
     * @param registeredOn       the business date it took part from (its commune is the one in force then); null
     *                           in events recorded before subjects carried one, which took effect when recorded
     */
    @Revision("1")
    record SubjectRegistered(
            String subjectId,
            LegalForm legalForm,
            String name,
            String registrationNumber,
            String communeCode,
            Representative representative,
            LabourFigures labour,
            List<String> certifications,
            LocalDate registeredOn) implements SubjectEvent {
    }

    /**
     * Its profile changed; a null field is unchanged. {@code effectiveOn}, the business date of the change (of a
     * move to another commune above all), is null in events recorded before changes carried one.
     */
    @Revision("1")
    record SubjectProfileUpdated(
            String subjectId,
            String name,
            String communeCode,
            Representative representative,
            LabourFigures labour,
            List<String> certifications,
            LocalDate effectiveOn) implements SubjectEvent {
    }

    /** Suspended from the programme: it registers no new products until reinstated. */
    @Revision("1")
    record SubjectSuspended(String subjectId, LocalDate effectiveOn, String reason) implements SubjectEvent {
    }

    @Revision("1")
    record SubjectReinstated(String subjectId, LocalDate effectiveOn, String reason) implements SubjectEvent {
    }

    /** Dissolved for good: it registers no new products; its history and products' history stay. */
    @Revision("1")
    record SubjectDissolved(String subjectId, LocalDate effectiveOn, String reason) implements SubjectEvent {
    }
}
