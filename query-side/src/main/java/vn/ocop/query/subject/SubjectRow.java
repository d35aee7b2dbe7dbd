package vn.ocop.query.subject;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import org.springframework.data.domain.Persistable;
import vn.ocop.events.subject.LegalForm;
import vn.ocop.query.common.SearchText;

/**
 * A subject as the subjects view holds it. Changed only through domain-named methods. A row made by
 * {@link #registered} is new, so saving it inserts without first looking for a stored one (the projection has
 * looked already).
 */
@Entity
@Table(name = "subject_view")
class SubjectRow implements Persistable<String> {

    @Id
    @Column(name = "subject_id")
    private String subjectId;

    @Column(name = "legal_form", nullable = false)
    private String legalForm;

    @Column(nullable = false)
    private String name;

    @Column(name = "registration_number", nullable = false)
    private String registrationNumber;

    @Column(name = "commune_code", nullable = false)
    private String communeCode;

    @Column(name = "representative_name")
    private String representativeName;

    @Column(name = "representative_position")
    private String representativePosition;

    @Column(name = "representative_phone")
    private String representativePhone;

    @Column(name = "registered_at", nullable = false)
    private Instant registeredAt;

    @Column(nullable = false)
    private String standing;

    @Column(name = "search_text", nullable = false)
    private String searchText;

    /** The sequence number of the subject's last event applied here: the view's version of it. */
    @Column(name = "version", nullable = false)
    private long version;

    @Transient
    private boolean fresh;

    /** For JPA. */
    protected SubjectRow() {
    }

    @Override
    public String getId() {
        return subjectId;
    }

    @Override
    public boolean isNew() {
        return fresh;
    }

    @PostLoad
    @PostPersist
    void stored() {
        fresh = false;
    }

    static SubjectRow registered(String subjectId, LegalForm legalForm, String name, String registrationNumber,
                                 String communeCode, Instant registeredAt, long version) {
        SubjectRow row = new SubjectRow();
        row.subjectId = subjectId;
        row.legalForm = legalForm.name();
        row.name = name;
        row.registrationNumber = registrationNumber;
        row.communeCode = communeCode;
        row.registeredAt = registeredAt;
        row.version = version;
        row.standing = "ACTIVE";
        row.searchText = SearchText.of(name, registrationNumber);
        row.fresh = true;
        return row;
    }

    long version() {
        return version;
    }

    String communeCode() {
        return communeCode;
    }

    String legalForm() {
        return legalForm;
    }

    String standing() {
        return standing;
    }

    /** The profile changed: null arguments are unchanged. */
    void profileUpdated(String name, String communeCode, long version) {
        if (name != null) {
            this.name = name;
            this.searchText = SearchText.of(name, registrationNumber);
        }
        if (communeCode != null) {
            this.communeCode = communeCode;
        }
        this.version = version;
    }

    void standing(String standing, long version) {
        this.standing = standing;
        this.version = version;
    }

    void representedBy(String fullName, String position, String phone) {
        this.representativeName = fullName;
        this.representativePosition = position;
        this.representativePhone = phone;
    }

    SubjectDetails toDetails() {
        return new SubjectDetails(subjectId, LegalForm.valueOf(legalForm), name, registrationNumber, communeCode,
                new SubjectDetails.RepresentativeDetails(representativeName, representativePosition,
                        representativePhone),
                standing, registeredAt, version);
    }
}
