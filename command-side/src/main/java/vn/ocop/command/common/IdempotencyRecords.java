package vn.ocop.command.common;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Requests already carried out under an {@code Idempotency-Key}: the key is claimed in the transaction that
 * appends the command's events, so a command and its key commit together or not at all; the response is
 * added once it is known.
 */
@Component
class IdempotencyRecords {

    /** A request carried out under a key; {@code responseBody} is null until the response was stored. */
    record Recorded(String fingerprint, String aggregateId, Integer responseStatus, String responseBody,
                    String responseLocation) {
    }

    private final JdbcTemplate jdbc;

    IdempotencyRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Recorded> find(String key) {
        List<Recorded> found = jdbc.query("""
                select request_fingerprint, aggregate_id, response_status, response_body, response_location
                from idempotency_record where idempotency_key = ?""",
                (row, n) -> new Recorded(row.getString(1), row.getString(2), (Integer) row.getObject(3),
                        row.getString(4), row.getString(5)), key);
        return found.stream().findFirst();
    }

    /** Within the command's transaction; a concurrent claim of the same key makes one of the two fail. */
    void claim(String key, String fingerprint, String aggregateId) {
        jdbc.update("""
                insert into idempotency_record (idempotency_key, request_fingerprint, aggregate_id)
                values (?, ?, ?)""", key, fingerprint, aggregateId);
    }

    void storeResponse(String key, int status, String body, String location) {
        jdbc.update("""
                update idempotency_record set response_status = ?, response_body = ?, response_location = ?
                where idempotency_key = ?""", status, body, location, key);
    }
}
