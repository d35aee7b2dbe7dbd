package vn.ocop.query.subject;

import java.time.Instant;
import vn.ocop.events.subject.LegalForm;

/**
 * One subject as the API shows it.
 *
 * @param standing ACTIVE, SUSPENDED or DISSOLVED
 * @param version the sequence number of the subject's last event this view reflects
 */
public record SubjectDetails(
        String id,
        LegalForm legalForm,
        String name,
        String registrationNumber,
        String communeCode,
        RepresentativeDetails representative,
        String standing,
        Instant registeredAt,
        long version) {

    /** The representative; a name or phone reads null once its owner's key has been destroyed. */
    public record RepresentativeDetails(String fullName, String position, String phone) {
    }
}
