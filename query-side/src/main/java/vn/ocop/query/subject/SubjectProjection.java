package vn.ocop.query.subject;

import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import vn.ocop.events.common.PersonalDataVault;
import vn.ocop.events.common.SealedPersonalData;
import vn.ocop.events.subject.Representative;
import vn.ocop.events.subject.SubjectEvent.SubjectDissolved;
import vn.ocop.events.subject.SubjectEvent.SubjectProfileUpdated;
import vn.ocop.events.subject.SubjectEvent.SubjectRegistered;
import vn.ocop.events.subject.SubjectEvent.SubjectReinstated;
import vn.ocop.events.subject.SubjectEvent.SubjectSuspended;

/**
 * Builds the subjects view. Handlers are idempotent: an event at or below the row's version has been
 * applied already and is skipped, so batches, retries and replays are safe.
 */
@Component
@ProcessingGroup(SubjectProjection.PROCESSING_GROUP)
class SubjectProjection {

    static final String PROCESSING_GROUP = "subjects";

    private final SubjectRows rows;
    private final PersonalDataVault vault;

    SubjectProjection(SubjectRows rows, PersonalDataVault vault) {
        this.rows = rows;
        this.vault = vault;
    }

    @EventHandler
    void on(SubjectRegistered event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        if (rows.find(event.subjectId(), sequence).isPresent()) {
            return;
        }
        rows.save(null, represented(SubjectRow.registered(event.subjectId(), event.legalForm(), event.name(),
                event.registrationNumber(), event.communeCode(), recordedAt, sequence), event.representative()));
    }

    @EventHandler
    void on(SubjectProfileUpdated event, @SequenceNumber long sequence) {
        change(event.subjectId(), sequence, row -> represented(
                row.profileUpdated(event.name(), event.communeCode(), sequence), event.representative()));
    }

    @EventHandler
    void on(SubjectSuspended event, @SequenceNumber long sequence) {
        change(event.subjectId(), sequence, row -> row.standing("SUSPENDED", sequence));
    }

    @EventHandler
    void on(SubjectReinstated event, @SequenceNumber long sequence) {
        change(event.subjectId(), sequence, row -> row.standing("ACTIVE", sequence));
    }

    @EventHandler
    void on(SubjectDissolved event, @SequenceNumber long sequence) {
        change(event.subjectId(), sequence, row -> row.standing("DISSOLVED", sequence));
    }

    /** Applies an event to the subject's row unless the row has it already (or the subject is unknown here). */
    private void change(String subjectId, long sequence, UnaryOperator<SubjectRow> next) {
        rows.find(subjectId, sequence).filter(row -> row.version() < sequence)
                .ifPresent(row -> rows.save(row, next.apply(row)));
    }

    /** The row with the representative's personal data opened; unchanged when the event names none. */
    private SubjectRow represented(SubjectRow row, Representative representative) {
        return representative == null ? row : row.representedBy(open(representative.fullName()),
                representative.position(), open(representative.phone()));
    }

    @ResetHandler
    void reset() {
        rows.clear();
    }

    @QueryHandler
    Optional<SubjectDetails> handle(FindSubjectQuery query) {
        return rows.find(query.subjectId()).map(SubjectRow::toDetails);
    }

    private String open(SealedPersonalData sealed) {
        return sealed == null ? null : vault.open(sealed).orElse(null);
    }
}
