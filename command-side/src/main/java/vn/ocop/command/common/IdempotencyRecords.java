package vn.ocop.command.common;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Requests carried out under an {@code Idempotency-Key}, with the response they were given. A record is
 * written in the transaction that appends the command's events, so a command and its record commit together
 * or not at all.
 */
@Component
class IdempotencyRecords {

    /** A request carried out under a key, and its answer. */
    record Recorded(String fingerprint, int status, String location, CommandAccepted response) {
    }

    private final JdbcTemplate jdbc;

    IdempotencyRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Recorded> find(String key) {
        List<Recorded> found = jdbc.query("""
                select request_fingerprint, response_status, response_location, aggregate_id, aggregate_version,
                       created_id
                from idempotency_record where idempotency_key = ?""",
                (row, n) -> new Recorded(row.getString(1), row.getInt(2), row.getString(3),
                        new CommandAccepted(row.getString(4), row.getLong(5), row.getString(6))), key);
        return found.stream().findFirst();
    }

    /** Within the command's transaction; of two concurrent records for the same key, one fails. */
    void record(String key, Recorded recorded) {
        CommandAccepted response = recorded.response();
        jdbc.update("""
                insert into idempotency_record (idempotency_key, request_fingerprint, response_status,
                    response_location, aggregate_id, aggregate_version, created_id)
                values (?, ?, ?, ?, ?, ?, ?)""", key, recorded.fingerprint(), recorded.status(),
                recorded.location(), response.id(), response.version(), response.createdId());
    }
}
