package vn.ocop.query.audit.chain;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Appends stored events to the chain and signs checkpoints. It reads the event's row as stored, so that what is
 * chained is exactly what a verifier will later read back, and runs inside the caller's transaction: the entry
 * commits with the processor's progress or not at all. Appending a position already chained does nothing, so a
 * batch retried after a failure cannot chain an event twice.
 */
public class ChainWriter {

    private record Head(long sequence, long position, byte[] hash) {
    }

    private final JdbcTemplate jdbc;
    private final SigningKey key;
    private final Clock clock;
    private final int checkpointEvery;

    public ChainWriter(JdbcTemplate jdbc, SigningKey key, Clock clock, int checkpointEvery) {
        if (checkpointEvery < 1) {
            throw new IllegalArgumentException("a checkpoint needs at least one event");
        }
        this.jdbc = jdbc;
        this.key = key;
        this.clock = clock;
        this.checkpointEvery = checkpointEvery;
    }

    /** Chains the event stored at {@code position}; signs a checkpoint every {@code checkpointEvery} entries. */
    public void append(long position) {
        Integer chained = jdbc.queryForObject("select count(*) from audit_chain where position = ?", Integer.class,
                position);
        if (chained != null && chained > 0) {
            return;
        }
        StoredEvent event = jdbc.query("select " + StoredEvent.COLUMNS + " from domain_event_entry where global_index = ?",
                        (row, n) -> StoredEvent.read(row, 1), position).stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("no stored event at position " + position));
        Head previous = head().orElse(new Head(0, 0, StoredEvent.genesis()));
        Head next = new Head(previous.sequence() + 1, position, event.chainedOnto(previous.hash()));
        jdbc.update("insert into audit_chain (sequence, position, hash, chained_at) values (?, ?, ?, ?)",
                next.sequence(), next.position(), next.hash(), utc(clock.instant()));
        if (next.sequence() % checkpointEvery == 0) {
            sign(next);
        }
    }

    /** Signs the chain's last entry unless a checkpoint already covers it: the timed checkpoint. */
    public Optional<Checkpoint> signHead() {
        Optional<Head> head = head();
        Long signedUpTo = jdbc.queryForObject("select coalesce(max(sequence), 0) from audit_checkpoint", Long.class);
        if (head.isEmpty() || (signedUpTo != null && signedUpTo >= head.get().sequence())) {
            return Optional.empty();
        }
        return Optional.of(sign(head.get()));
    }

    private Checkpoint sign(Head head) {
        // The database keeps microseconds; milliseconds survive the round trip exactly.
        Instant signedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        byte[] signature = key.sign(Checkpoint.signedBytes(head.sequence(), head.position(), head.hash(), signedAt));
        jdbc.update("""
                insert into audit_checkpoint (sequence, position, hash, signed_at, key_id, signature)
                values (?, ?, ?, ?, ?, ?) on conflict (sequence) do nothing""",
                head.sequence(), head.position(), head.hash(), utc(signedAt), key.keyId(), signature);
        return new Checkpoint(head.sequence(), head.position(), HexFormat.of().formatHex(head.hash()), signedAt,
                key.keyId(), Base64.getEncoder().encodeToString(signature));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private Optional<Head> head() {
        return jdbc.query("select sequence, position, hash from audit_chain order by sequence desc limit 1",
                (row, n) -> new Head(row.getLong(1), row.getLong(2), row.getBytes(3))).stream().findFirst();
    }
}
