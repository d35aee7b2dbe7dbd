package vn.ocop.query.audit.chain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGStatement;

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

        byte[] hash = StoredEvent.genesis();
        long sequence = 0;
        long checked = 0;
        long checkpointsChecked = 0;
        Long lastPosition = null;
        Failure walk = null;
        try (EventsInOrder events = new EventsInOrder(connection);
             PreparedStatement chainQuery = connection.prepareStatement(
                     "select sequence, position, hash from audit_chain order by sequence")) {
            chainQuery.setFetchSize(FETCH);
            inBinary(chainQuery);
            try (ResultSet row = chainQuery.executeQuery()) {
                while (walk == null && row.next()) {
                    long entry = row.getLong(1);
                    long position = row.getLong(2);
                    byte[] chained = row.getBytes(3);
                    if (entry != sequence + 1) {
                        walk = new Failure(Problem.CHAIN_ENTRY_MISSING, position, sequence + 1, "the chain jumps from "
                                + "entry " + sequence + " to entry " + entry + ": entries were deleted");
                        break;
                    }
                    Read event = events.take(position);
                    if (event == null) {
                        walk = new Failure(Problem.EVENT_MISSING, position, entry, "entry " + entry
                                + " of the chain names position " + position + ", where no event is stored: it was "
                                + "deleted");
                        break;
                    }
                    hash = StoredEvent.chained(hash, event.canonical());
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
            if (headPosition != null) {
                // the walk stopped early: only an event before its failure could come first
                Long unchained = walk == null ? events.firstLeftBefore(headPosition)
                        : events.firstUnchainedBefore(Math.min(headPosition, walk.position()));
                if (unchained != null) {
                    failures.add(new Failure(Problem.EVENT_NOT_CHAINED, unchained, null, "the event at position "
                            + unchained + " lies within the chained history but was never chained: it was "
                            + "inserted afterwards"));
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

    /**
     * The stored events read once, in position order, beside the chain's walk in its own order: an event the walk
     * asks for is taken as the read reaches it, and the events the read passes on the way are kept until the walk
     * asks for them — those chained out of position order (a late commit, chained after later events) are found
     * there. What is never asked for lies unchained. A read of every event joined to the chain cost twice the read
     * alone, and finding the unchained events a pass of its own.
     *
     * <p>At most {@value #KEEP} passed events are kept whole; beyond that the earliest keep only their position, and
     * one the walk asks for later is read again by its position — as is a position asked for twice.
     */
    private static final class EventsInOrder implements AutoCloseable {

        private static final int KEEP = 5_000;

        private final PreparedStatement all;
        private final ResultSet rows;
        private final Prefetch prefetch;
        private final PreparedStatement one;
        private final PreparedStatement chainedAt;
        /** Events read and not yet asked for, by position. */
        private final TreeMap<Long, Read> passed = new TreeMap<>();
        /** Positions of passed events no longer kept whole, in ascending order, and which of them were asked for. */
        private long[] dropped = new long[64];
        private int droppedCount;
        private final BitSet droppedTaken = new BitSet();
        private long readUpTo = Long.MIN_VALUE;
        private boolean exhausted;

        EventsInOrder(Connection connection) throws SQLException {
            all = connection.prepareStatement("select " + StoredEvent.COLUMNS
                    + " from domain_event_entry order by global_index");
            all.setFetchSize(FETCH);
            inBinary(all);
            rows = all.executeQuery();
            prefetch = new Prefetch(rows);
            one = connection.prepareStatement("select " + StoredEvent.COLUMNS
                    + " from domain_event_entry where global_index = ?");
            chainedAt = connection.prepareStatement("select 1 from audit_chain where position = ?");
        }

        /** The event stored at {@code position}; null when none is. */
        Read take(long position) throws SQLException {
            Read kept = passed.remove(position);
            if (kept != null) {
                return kept;
            }
            if (position > readUpTo) {
                return readThrough(position);
            }
            int at = Arrays.binarySearch(dropped, 0, droppedCount, position);
            if (at >= 0) {
                droppedTaken.set(at);
            }
            return readOne(position);
        }

        /** Reads on through {@code position}, keeping what it passes; the event at {@code position} if stored. */
        private Read readThrough(long position) throws SQLException {
            while (!exhausted && readUpTo < position) {
                Read event = prefetch.next();
                if (event == null) {
                    exhausted = true;
                    break;
                }
                readUpTo = event.position();
                if (readUpTo == position) {
                    return event;
                }
                passed.put(readUpTo, event);
                while (passed.size() > KEEP) {
                    drop(passed.pollFirstEntry().getKey());
                }
            }
            return null;
        }

        private void drop(long position) {
            if (droppedCount == dropped.length) {
                dropped = Arrays.copyOf(dropped, droppedCount * 2);
            }
            dropped[droppedCount++] = position;
        }

        /** After a whole walk: the first event before {@code bound} never asked for. */
        Long firstLeftBefore(long bound) throws SQLException {
            readThroughKeeping(bound);
            for (long position : left(bound)) {
                return position;
            }
            return null;
        }

        /**
         * After a walk that stopped early: the first event before {@code bound} that no entry of the chain names
         * (an event passed may yet have been chained further on, past where the walk stopped).
         */
        Long firstUnchainedBefore(long bound) throws SQLException {
            readThroughKeeping(bound);
            for (long position : left(bound)) {
                chainedAt.setLong(1, position);
                try (ResultSet row = chainedAt.executeQuery()) {
                    if (!row.next()) {
                        return position;
                    }
                }
            }
            return null;
        }

        private void readThroughKeeping(long bound) throws SQLException {
            Read reached = readThrough(bound);
            if (reached != null) {
                passed.put(reached.position(), reached);
            }
        }

        /** The positions before {@code bound} read and never asked for, in ascending order. */
        private List<Long> left(long bound) {
            List<Long> left = new ArrayList<>();
            for (int i = 0; i < droppedCount && dropped[i] < bound; i++) {
                if (!droppedTaken.get(i)) {
                    left.add(dropped[i]);
                }
            }
            left.addAll(passed.headMap(bound, false).keySet());
            return left;
        }

        private Read readOne(long position) throws SQLException {
            one.setLong(1, position);
            try (ResultSet row = one.executeQuery()) {
                return row.next() ? Read.of(StoredEvent.read(row, 1)) : null;
            }
        }

        @Override
        public void close() throws SQLException {
            try (all; rows; one; chainedAt) {
                prefetch.close();
                passed.clear();
            }
        }
    }

    /** An event as the walk needs it: its position and its canonical bytes, ready to be chained. */
    private record Read(long position, byte[] canonical) {

        static Read of(StoredEvent event) {
            return new Read(event.position(), event.canonical());
        }
    }

    /**
     * The events read and encoded on a thread of their own, a few chunks ahead of the walk, so that reading and
     * decoding the rows overlaps with hashing them; the chain itself is hashed in order, on the walk's thread. The
     * rows are read, as before, from the walk's connection and snapshot (the driver lets one thread at a time use
     * it, so the walk's own look-ups wait for the fetch under way at most).
     */
    private static final class Prefetch implements AutoCloseable {

        private static final int CHUNK = 256;
        private static final List<Read> END = new ArrayList<>(0);

        private final BlockingQueue<List<Read>> chunks = new ArrayBlockingQueue<>(8);
        private final Thread reader;
        private volatile boolean closed;
        private volatile Exception failure;
        private Iterator<Read> current = Collections.emptyIterator();
        private boolean ended;

        Prefetch(ResultSet rows) {
            reader = new Thread(() -> {
                try {
                    List<Read> chunk = new ArrayList<>(CHUNK);
                    while (!closed && rows.next()) {
                        chunk.add(Read.of(StoredEvent.read(rows, 1)));
                        if (chunk.size() == CHUNK) {
                            put(chunk);
                            chunk = new ArrayList<>(CHUNK);
                        }
                    }
                    if (!chunk.isEmpty()) {
                        put(chunk);
                    }
                } catch (SQLException | RuntimeException e) {
                    failure = e;
                } catch (InterruptedException e) {
                    failure = e;
                    Thread.currentThread().interrupt();
                } finally {
                    try {
                        put(END);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }, "chain-verification-reader");
            reader.setDaemon(true);
            reader.start();
        }

        private void put(List<Read> chunk) throws InterruptedException {
            while (!closed && !chunks.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
                // the walk is busy: wait for room
            }
        }

        /** The next event in position order; null after the last. */
        Read next() throws SQLException {
            while (!current.hasNext()) {
                if (ended) {
                    return null;
                }
                List<Read> chunk;
                try {
                    chunk = chunks.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SQLException("the verification was interrupted", e);
                }
                if (chunk == END) {
                    ended = true;
                    if (failure != null) {
                        throw failure instanceof SQLException sql ? sql
                                : new SQLException("the events could not be read", failure);
                    }
                    return null;
                }
                current = chunk.iterator();
            }
            return current.next();
        }

        /** Stops the reader after the fetch under way, before the rows are closed. */
        @Override
        public void close() {
            closed = true;
            chunks.clear();
            try {
                reader.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Has {@code query} prepared on the server from its first run, so that its rows come in PostgreSQL's binary
     * format: a {@code bytea} as its bytes, not as twice as many hexadecimal digits for the driver to decode (the
     * driver reads a statement run once as text). Nothing changes on a connection that is not PostgreSQL's.
     */
    private static void inBinary(PreparedStatement query) throws SQLException {
        if (query.isWrapperFor(PGStatement.class)) {
            query.unwrap(PGStatement.class).setPrepareThreshold(-1);
        }
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
}
