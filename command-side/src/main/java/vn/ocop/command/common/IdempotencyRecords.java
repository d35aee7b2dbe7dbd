package vn.ocop.command.common;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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

    /** The advisory locks' first key, naming the requests in flight (the two-key space is the service's own). */
    private static final int IN_FLIGHT_LOCKS = 0x1D3E_0001;

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

    /**
     * Within the command's transaction: takes the key's transaction-scoped advisory lock, or answers false when
     * another transaction — the same request still in flight — holds it. Released at commit or rollback, so a
     * node that dies mid-request leaves nothing behind.
     */
    boolean claimInFlight(String key) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select pg_try_advisory_xact_lock(?, ?)", Boolean.class,
                IN_FLIGHT_LOCKS, lockKey(key)));
    }

    /** 32 bits of the key's SHA-256: two keys share a lock by chance once in four billion, and not by design. */
    private static int lockKey(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getInt();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
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
