package vn.ocop.query.subject;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import vn.ocop.query.common.HeldBackRows;
import vn.ocop.query.common.Tallies;
import vn.ocop.query.common.WriteBehind;

/**
 * The subjects view's table and its tally. Saving is an upsert that never goes back to an older version of a
 * subject; within a transaction (a processor's batch, a shadow's replay) the rows saved are held back and written
 * together ({@link HeldBackRows}), and a subject's later events in the same batch find its row there.
 */
@Component
class SubjectRows implements WriteBehind {

    private static final String COLUMNS = """
            subject_id, legal_form, name, registration_number, commune_code, representative_name,
            representative_position, representative_phone, registered_at, standing, version""";

    /** An upsert that keeps the stored row when it is of the same or a later version. */
    private static final String UPSERT = "insert into subject_view (" + COLUMNS + ", search_text) values "
            + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (subject_id) do update set (" + COLUMNS
            + ", search_text) = (excluded." + String.join(", excluded.", COLUMNS.replaceAll("\\s", "").split(","))
            + ", excluded.search_text) where subject_view.version < excluded.version";

    private static final String ROWS = "select " + COLUMNS + " from subject_view";

    /** The table of the subjects' counts (V18), by commune, legal form and standing. */
    static final String TALLY = "subject_tally";

    /** Rows held back at most before they are written. */
    static final int WRITE_EVERY = 1_000;

    private static final RowMapper<SubjectRow> ROW = (row, n) -> new SubjectRow(row.getString("subject_id"),
            row.getString("legal_form"), row.getString("name"), row.getString("registration_number"),
            row.getString("commune_code"), row.getString("representative_name"),
            row.getString("representative_position"), row.getString("representative_phone"),
            row.getObject("registered_at", OffsetDateTime.class).toInstant(), row.getString("standing"), row.getLong("version"));

    private final JdbcTemplate jdbc;
    private final Tallies.Tally tally;
    private final HeldBackRows<SubjectRow> held;

    SubjectRows(JdbcTemplate jdbc, Tallies tallies) {
        this.jdbc = jdbc;
        this.tally = tallies.tally(TALLY, "subjects", "commune_code", "legal_form", "standing");
        this.held = HeldBackRows.versioned(jdbc, "subject", UPSERT, SubjectRow::subjectId, SubjectRow::version,
                SubjectRows::values, WRITE_EVERY, ROWS, "subject_id", ROW);
    }

    Optional<SubjectRow> find(String subjectId) {
        return held.find(subjectId);
    }

    /** The row as the subject's event of sequence number {@code sequence} finds it. */
    Optional<SubjectRow> find(String subjectId, long sequence) {
        return held.find(subjectId, sequence);
    }

    /** Stores {@code next}, the row that follows {@code previous} (null for a new subject), and counts it. */
    void save(SubjectRow previous, SubjectRow next) {
        if (held.save(next)) {
            tally.move(previous == null ? null : cell(previous), cell(next));
        }
    }

    @Override
    public void flush() {
        held.flush();
    }

    @Override
    public void readAfresh() {
        held.readAfresh();
    }

    void clear() {
        held.forget();
        jdbc.update("delete from subject_view");
        tally.clear();
    }

    /** The tally's cell a subject counts in. */
    private static List<Object> cell(SubjectRow row) {
        return List.of(row.communeCode(), row.legalForm(), row.standing());
    }

    private static Object[] values(SubjectRow row) {
        return new Object[] {row.subjectId(), row.legalForm(), row.name(), row.registrationNumber(),
                row.communeCode(), row.representativeName(), row.representativePosition(), row.representativePhone(),
                OffsetDateTime.ofInstant(row.registeredAt(), ZoneOffset.UTC), row.standing(), row.version(), row.searchText()};
    }
}
