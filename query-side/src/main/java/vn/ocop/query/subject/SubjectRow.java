package vn.ocop.query.subject;

import java.time.Instant;
import vn.ocop.events.subject.LegalForm;
import vn.ocop.query.common.SearchText;

/**
 * A subject as the subjects view holds it; {@code version} is the sequence number of the subject's last event
 * applied here. Changed only through domain-named methods, each returning the next row.
 */
record SubjectRow(String subjectId, String legalForm, String name, String registrationNumber, String communeCode,
                  String representativeName, String representativePosition, String representativePhone,
                  Instant registeredAt, String standing, long version) {

    static SubjectRow registered(String subjectId, LegalForm legalForm, String name, String registrationNumber,
                                 String communeCode, Instant registeredAt, long version) {
        return new SubjectRow(subjectId, legalForm.name(), name, registrationNumber, communeCode, null, null, null,
                registeredAt, "ACTIVE", version);
    }

    /** What searches compare: the name and the registration number, without diacritics. */
    String searchText() {
        return SearchText.of(name, registrationNumber);
    }

    /** The profile changed: null arguments are unchanged. */
    SubjectRow profileUpdated(String name, String communeCode, long version) {
        return new SubjectRow(subjectId, legalForm, name == null ? this.name : name, registrationNumber,
                communeCode == null ? this.communeCode : communeCode, representativeName, representativePosition,
                representativePhone, registeredAt, standing, version);
    }

    SubjectRow standing(String standing, long version) {
        return new SubjectRow(subjectId, legalForm, name, registrationNumber, communeCode, representativeName,
                representativePosition, representativePhone, registeredAt, standing, version);
    }

    SubjectRow representedBy(String fullName, String position, String phone) {
        return new SubjectRow(subjectId, legalForm, name, registrationNumber, communeCode, fullName, position, phone,
                registeredAt, standing, version);
    }

    SubjectDetails toDetails() {
        return new SubjectDetails(subjectId, LegalForm.valueOf(legalForm), name, registrationNumber, communeCode,
                new SubjectDetails.RepresentativeDetails(representativeName, representativePosition,
                        representativePhone),
                standing, registeredAt, version);
    }
}
