package vn.ocop.query.subject;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import vn.ocop.events.common.PersonalDataVault;
import vn.ocop.events.common.SealedPersonalData;
import vn.ocop.events.subject.SubjectEvent.SubjectDissolved;
import vn.ocop.events.subject.SubjectEvent.SubjectProfileUpdated;
import vn.ocop.events.subject.SubjectEvent.SubjectRegistered;
import vn.ocop.events.subject.SubjectEvent.SubjectReinstated;
import vn.ocop.events.subject.SubjectEvent.SubjectSuspended;
import vn.ocop.query.common.Tallies;

/**
 * Builds the subjects view. Handlers are idempotent: an event at or below the row's version has been
 * applied already and is skipped, so batches, retries and replays are safe.
 */
@Component
@ProcessingGroup(SubjectProjection.PROCESSING_GROUP)
class SubjectProjection {

    static final String PROCESSING_GROUP = "subjects";

    /** The table of the subjects' counts (V18), by commune, legal form and standing. */
    static final String TALLY = "subject_tally";

    private final SubjectRows rows;
    private final PersonalDataVault vault;
    private final Tallies.Tally tally;

    SubjectProjection(SubjectRows rows, PersonalDataVault vault, Tallies tallies) {
        this.rows = rows;
        this.vault = vault;
        this.tally = tallies.tally(TALLY, "subjects", "commune_code", "legal_form", "standing");
    }

    @EventHandler
    void on(SubjectRegistered event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        // a look-up by key, not a count query: a query would first flush and check every row of the batch
        if (rows.findById(event.subjectId()).isPresent()) {
            return;
        }
        SubjectRow row = SubjectRow.registered(event.subjectId(), event.legalForm(), event.name(),
                event.registrationNumber(), event.communeCode(), recordedAt, sequence);
        var representative = event.representative();
        row.representedBy(open(representative.fullName()), representative.position(), open(representative.phone()));
        rows.save(row);
        tally.move(null, cell(row));
    }

    @EventHandler
    void on(SubjectProfileUpdated event, @SequenceNumber long sequence) {
        rows.findById(event.subjectId()).filter(row -> row.version() < sequence).ifPresent(row -> {
            List<Object> before = cell(row);
            row.profileUpdated(event.name(), event.communeCode(), sequence);
            var representative = event.representative();
            if (representative != null) {
                row.representedBy(open(representative.fullName()), representative.position(),
                        open(representative.phone()));
            }
            rows.save(row);
            tally.move(before, cell(row));
        });
    }

    @EventHandler
    void on(SubjectSuspended event, @SequenceNumber long sequence) {
        standing(event.subjectId(), "SUSPENDED", sequence);
    }

    @EventHandler
    void on(SubjectReinstated event, @SequenceNumber long sequence) {
        standing(event.subjectId(), "ACTIVE", sequence);
    }

    @EventHandler
    void on(SubjectDissolved event, @SequenceNumber long sequence) {
        standing(event.subjectId(), "DISSOLVED", sequence);
    }

    private void standing(String subjectId, String standing, long sequence) {
        rows.findById(subjectId).filter(row -> row.version() < sequence).ifPresent(row -> {
            List<Object> before = cell(row);
            row.standing(standing, sequence);
            rows.save(row);
            tally.move(before, cell(row));
        });
    }

    /** The tally's cell a subject counts in. */
    private static List<Object> cell(SubjectRow row) {
        return List.of(row.communeCode(), row.legalForm(), row.standing());
    }

    @ResetHandler
    void reset() {
        rows.deleteAllInBatch();
        tally.clear();
    }

    @QueryHandler
    Optional<SubjectDetails> handle(FindSubjectQuery query) {
        return rows.findById(query.subjectId()).map(SubjectRow::toDetails);
    }

    private String open(SealedPersonalData sealed) {
        return sealed == null ? null : vault.open(sealed).orElse(null);
    }
}
