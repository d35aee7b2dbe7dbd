package vn.ocop.query.audit.chain;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.ocop.query.common.TransactionScoped;

/**
 * Appends stored events to the chain and signs checkpoints. It reads the event's row as stored, so that what is
 * chained is exactly what a verifier will later read back, and runs inside the caller's transaction: the entry
 * commits with the processor's progress or not at all. Only events not chained yet are chained, so a batch
 * retried after a failure, or two writers at once, cannot chain an event twice.
 */
public class ChainWriter {

    /** The advisory lock that serialises writers of the chain. */
    private static final long CHAIN_LOCK = 0x6f636f70L << 8 | 0x63;
    /** How far back each append looks for events that committed late. */
    static final int WINDOW = 1000;

    private record Head(long sequence, long position, byte[] hash) {
    }

    /**
     * What the current transaction already knows of the chain: that it holds the lock, the head it left, and up to
     * which position it has looked for events to chain. Under the lock no other writer moves the head, so this
     * holds until the transaction ends, and is forgotten then.
     */
    private static final class Known {
        private boolean locked;
        private Head head;
        private long lookedUpTo;
        /** The first and last positions appended in this transaction and not chained yet (0: none). */
        private long pendingFrom;
        private long pendingTo;
    }

    private final JdbcTemplate jdbc;
    private final SigningKey key;
    private final Clock clock;
    private final int checkpointEvery;
    private final TransactionScoped<Known> inTransaction = new TransactionScoped<>(Known::new, this::chainPending);

    public ChainWriter(JdbcTemplate jdbc, SigningKey key, Clock clock, int checkpointEvery) {
        if (checkpointEvery < 1) {
            throw new IllegalArgumentException("a checkpoint needs at least one event");
        }
        this.jdbc = jdbc;
        this.key = key;
        this.clock = clock;
        this.checkpointEvery = checkpointEvery;
    }

    /**
     * Chains the event stored at {@code position}, and any event of the {@value #WINDOW} positions before it that
     * is not chained yet — one that committed after a later one and that the stream passed by — in the order of
     * their positions; signs a checkpoint every {@code checkpointEvery} entries.
     */
    public void append(long position) {
        Known known = known();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // in a transaction (a processor's batch) the appends are gathered and chained together just before it
            // commits: one search of the window, one batch of inserts, for the whole batch
            known.pendingFrom = known.pendingFrom == 0 ? position : Math.min(known.pendingFrom, position);
            known.pendingTo = Math.max(known.pendingTo, position);
            return;
        }
        chainUpTo(known, position, position);
    }

    /**
     * Chains what lies unchained from {@value #WINDOW} positions before {@code first} up to {@code last}. Positions
     * already looked at in this transaction need no second look: an event that commits late among them is found
     * by the next batch's window, or by the sweep.
     */
    private void chainUpTo(Known known, long first, long last) {
        long from = Math.max(Math.max(1, first - WINDOW), known.lookedUpTo + 1);
        if (from <= last) {
            chainUnchained(known, "global_index between ? and ?", from, last);
            known.lookedUpTo = last;
        }
    }

    /**
     * Chains every stored event below the chain's head that it does not hold yet: the periodic sweep that
     * mends what the window of {@link #append} could not reach.
     */
    public int sweep() {
        return chainUnchained(known(), "global_index <= (select coalesce(max(position), 0) from audit_chain)");
    }

    private int chainUnchained(Known known, String range, Object... bounds) {
        // One writer at a time, whatever the processors' claims say: the chain is only ever extended from a head
        // that every other writer has committed or not touched. Held until the transaction ends.
        if (!known.locked) {
            jdbc.query("select pg_advisory_xact_lock(?)", row -> { }, CHAIN_LOCK);
            known.locked = TransactionSynchronizationManager.isSynchronizationActive();
        }
        List<StoredEvent> events = jdbc.query("select " + StoredEvent.COLUMNS + " from domain_event_entry e where "
                + range + " and not exists (select 1 from audit_chain c where c.position = e.global_index) "
                + "order by global_index", (row, n) -> StoredEvent.read(row, 1), bounds);
        if (events.isEmpty()) {
            return 0;
        }
        Head head = known.head != null ? known.head : head().orElse(new Head(0, 0, StoredEvent.genesis()));
        List<Object[]> entries = new ArrayList<>(events.size());
        List<Head> checkpoints = new ArrayList<>();
        OffsetDateTime chainedAt = utc(clock.instant());
        for (StoredEvent event : events) {
            head = new Head(head.sequence() + 1, event.position(), event.chainedOnto(head.hash()));
            entries.add(new Object[] {head.sequence(), head.position(), head.hash(), chainedAt});
            if (head.sequence() % checkpointEvery == 0) {
                checkpoints.add(head);
            }
        }
        jdbc.batchUpdate("insert into audit_chain (sequence, position, hash, chained_at) values (?, ?, ?, ?)",
                entries);
        checkpoints.forEach(this::sign);
        if (known.locked) {
            known.head = head;
        }
        return events.size();
    }

    /** This transaction's knowledge of the chain (nothing outside a transaction with synchronization). */
    private Known known() {
        return inTransaction.get().orElseGet(Known::new);
    }

    /** Just before a transaction commits: chains what its appends gathered. */
    private void chainPending(Known pending) {
        if (pending.pendingTo > 0) {
            chainUpTo(pending, pending.pendingFrom, pending.pendingTo);
            pending.pendingFrom = 0;
            pending.pendingTo = 0;
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
