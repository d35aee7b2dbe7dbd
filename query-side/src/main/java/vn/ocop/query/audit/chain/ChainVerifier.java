package vn.ocop.query.audit.chain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;

/**
 * Recomputes the chain from the stored events and checks it against the stored entries and every checkpoint:
 * the ones in the database and any the auditor kept elsewhere. It needs nothing but a JDBC connection and the
 * public key, so it runs inside the service and from the command line alike. It stops at the first problem and
 * names its position.
 */
public final class ChainVerifier {

    /** What can be wrong, in the order a reader should think of it. */
    public enum Problem {
        /** An event in the chain's range that the chain never saw: inserted afterwards. */
        EVENT_NOT_CHAINED,
        /** The chain names a position that holds no event: deleted. */
        EVENT_MISSING,
        /** The event (or the chain's entry for it) differs from what was chained: altered, moved or swapped. */
        EVENT_ALTERED,
        /** The chain's own sequence has a hole: an entry was deleted. */
        CHAIN_ENTRY_MISSING,
        /** A checkpoint's signature does not verify with the public key. */
        CHECKPOINT_SIGNATURE_INVALID,
        /** A checkpoint was signed by another key than the one given. */
        CHECKPOINT_UNKNOWN_KEY,
        /** A validly signed checkpoint disagrees with the recomputed chain. */
        CHECKPOINT_MISMATCH,
        /** A checkpoint lies beyond the chain's end: the chain (and its events) were cut short. */
        CHAIN_TRUNCATED
    }

    /** The first problem found: where, and why in words. */
    public record Failure(Problem problem, Long position, Long sequence, String reason) {
    }

    /**
     * The verdict. {@code eventsAwaitingChain} are events recorded after the chain's last entry, which the chain
     * processor has not reached yet; they are vouched for by nothing until it does.
     */
    public record Report(boolean intact, long entriesChecked, long checkpointsChecked, long keptCheckpointsChecked,
                         Long lastPosition, String lastHash, long eventsAwaitingChain, String keyId, Failure failure) {
    }

    /** A checkpoint to check, from the database or from the auditor's kept copy. */
    private record Claim(Checkpoint checkpoint, boolean kept) {
    }

    private static final int FETCH = 1000;

    private final SigningKey key;

    public ChainVerifier(SigningKey key) {
        this.key = key;
    }

    /**
     * Verifies in a read-only, repeatable-read transaction of its own, so that the events, the chain and the
     * checkpoints are read from one snapshot.
     */
    public Report verifyInSnapshot(Connection connection, List<Checkpoint> kept) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        int isolation = connection.getTransactionIsolation();
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        connection.setReadOnly(true);
        try {
            return verify(connection, kept);
        } finally {
            connection.rollback();
            connection.setReadOnly(false);
            connection.setTransactionIsolation(isolation);
            connection.setAutoCommit(autoCommit);
        }
    }

    /** Verifies within the connection's current transaction (which must not be in auto-commit mode). */
    public Report verify(Connection connection, List<Checkpoint> kept) throws SQLException {
        TreeMap<Long, List<Claim>> checkpoints = new TreeMap<>();
        Checkpoint.readAll(connection).forEach(checkpoint -> checkpoints
                .computeIfAbsent(checkpoint.sequence(), s -> new ArrayList<>()).add(new Claim(checkpoint, false)));
        kept.forEach(checkpoint -> checkpoints
                .computeIfAbsent(checkpoint.sequence(), s -> new ArrayList<>()).add(new Claim(checkpoint, true)));
        long keptChecked = 0;

        Long headPosition = single(connection, "select max(position) from audit_chain");
        Long awaiting = single(connection, headPosition == null ? "select count(*) from domain_event_entry"
                : "select count(*) from domain_event_entry where global_index > " + headPosition);
        List<Failure> failures = new ArrayList<>();
        if (headPosition != null) {
            Long unchained = single(connection, "select min(e.global_index) from domain_event_entry e "
                    + "where e.global_index < " + headPosition
                    + " and not exists (select 1 from audit_chain c where c.position = e.global_index)");
            if (unchained != null) {
                failures.add(new Failure(Problem.EVENT_NOT_CHAINED, unchained, null, "the event at position "
                        + unchained + " lies within the chained history but was never chained: it was inserted "
                        + "afterwards"));
            }
        }

        byte[] hash = StoredEvent.genesis();
        long sequence = 0;
        long checked = 0;
        long checkpointsChecked = 0;
        Long lastPosition = null;
        Failure walk = null;
        try (PreparedStatement walkQuery = connection.prepareStatement(
                "select c.sequence, c.position, c.hash, " + prefixed("e.") + " from audit_chain c "
                        + "left join domain_event_entry e on e.global_index = c.position order by c.sequence")) {
            walkQuery.setFetchSize(FETCH);
            try (ResultSet row = walkQuery.executeQuery()) {
                while (walk == null && row.next()) {
                    long entry = row.getLong(1);
                    long position = row.getLong(2);
                    byte[] chained = row.getBytes(3);
                    if (entry != sequence + 1) {
                        walk = new Failure(Problem.CHAIN_ENTRY_MISSING, position, sequence + 1, "the chain jumps from "
                                + "entry " + sequence + " to entry " + entry + ": entries were deleted");
                        break;
                    }
                    if (row.getObject(4) == null) {
                        walk = new Failure(Problem.EVENT_MISSING, position, entry, "entry " + entry
                                + " of the chain names position " + position + ", where no event is stored: it was "
                                + "deleted");
                        break;
                    }
                    hash = StoredEvent.read(row, 4).chainedOnto(hash);
                    if (!Arrays.equals(hash, chained)) {
                        walk = new Failure(Problem.EVENT_ALTERED, position, entry, "the event at position " + position
                                + " is not the one chained as entry " + entry + ": its stored bytes, or the chain's "
                                + "entry, were changed");
                        break;
                    }
                    sequence = entry;
                    lastPosition = position;
                    checked++;
                    for (Claim claim : checkpoints.getOrDefault(entry, List.of())) {
                        walk = check(claim.checkpoint(), position, hash);
                        if (walk != null) {
                            break;
                        }
                        if (claim.kept()) {
                            keptChecked++;
                        } else {
                            checkpointsChecked++;
                        }
                    }
                }
            }
        }
        if (walk == null && !checkpoints.isEmpty() && checkpoints.lastKey() > sequence) {
            Checkpoint beyond = checkpoints.tailMap(sequence, false).firstEntry().getValue().get(0).checkpoint();
            walk = new Failure(Problem.CHAIN_TRUNCATED, beyond.position(), beyond.sequence(), "checkpoint "
                    + beyond.sequence() + " (position " + beyond.position() + ", signed " + beyond.signedAt()
                    + ") lies beyond the chain's last entry " + sequence + ": the history was cut short");
        }
        if (walk != null) {
            failures.add(walk);
        }
        Failure first = failures.stream()
                .min(Comparator.comparing((Failure failure) -> failure.position() == null ? Long.MAX_VALUE
                        : failure.position()))
                .orElse(null);
        return new Report(first == null, checked, checkpointsChecked, keptChecked, lastPosition,
                sequence == 0 ? null : HexFormat.of().formatHex(hash), awaiting == null ? 0 : awaiting, key.keyId(),
                first);
    }

    private Failure check(Checkpoint checkpoint, long position, byte[] hash) {
        String where = "checkpoint " + checkpoint.sequence() + " signed " + checkpoint.signedAt();
        if (!key.keyId().equals(checkpoint.keyId())) {
            return new Failure(Problem.CHECKPOINT_UNKNOWN_KEY, position, checkpoint.sequence(), where
                    + " was signed by key " + checkpoint.keyId() + ", not by the key given (" + key.keyId() + ")");
        }
        if (!checkpoint.signedBy(key)) {
            return new Failure(Problem.CHECKPOINT_SIGNATURE_INVALID, position, checkpoint.sequence(), where
                    + " does not carry a valid signature: it was forged or changed");
        }
        if (checkpoint.position() != position || !Arrays.equals(checkpoint.hashBytes(), hash)) {
            return new Failure(Problem.CHECKPOINT_MISMATCH, position, checkpoint.sequence(), where
                    + " vouches for position " + checkpoint.position() + " with hash " + checkpoint.hash()
                    + ", but the recomputed chain has position " + position + " with hash "
                    + HexFormat.of().formatHex(hash) + ": the history before it was rewritten");
        }
        return null;
    }

    private static Long single(Connection connection, String sql) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql); ResultSet row = query.executeQuery()) {
            row.next();
            Object value = row.getObject(1);
            return value == null ? null : ((Number) value).longValue();
        }
    }

    private static String prefixed(String alias) {
        return Arrays.stream(StoredEvent.COLUMNS.split(",\\s*")).map(column -> alias + column)
                .reduce((one, other) -> one + ", " + other).orElseThrow();
    }
}
