package vn.ocop.query.common;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * A view's rows saved within a transaction (a processor's batch, a shadow's replay) and held back, to be written
 * together: {@code writeEvery} at most at a time, whatever is left just before the transaction commits, and when a
 * reader in the same transaction is about to read ({@link #flush}). A record's later events in the same transaction
 * find its row among those held back instead of in the table. Outside a transaction a row is written at once.
 *
 * <p>Rows of records that change ({@link #versioned}) are written by an upsert that leaves a stored row of the
 * same or a later version as it is. Each row held back follows the version the transaction read, so each should be
 * written; one that is not has met a later version stored meanwhile by another writer, and the transaction fails
 * rather than let the view's counts include a row the table does not hold (the processor then handles its batch
 * again). Rows recorded once ({@link #insertedOnce}) are inserted unless stored already, as a replay finds them.
 *
 * <p>A look-up in a processor's batch reads the rows of all the batch's records in one query ({@link BatchReads}),
 * and within a transaction a row once read or written is not read again: every write of the view's rows goes
 * through here.
 *
 * @param <R> a row
 */
public final class HeldBackRows<R> {

    private final JdbcTemplate jdbc;
    private final String what;
    private final String statement;
    private final Function<R, String> key;
    private final Function<R, Object[]> values;
    private final int writeEvery;
    /** The rows read within the current transaction; null for rows written once. */
    private final BatchReads<R> reads;
    /** Null for rows written once. */
    private final ToLongFunction<R> version;
    /** The current transaction's rows saved and not yet written, by key. */
    private final TransactionScoped<Map<String, R>> unwritten =
            new TransactionScoped<>(LinkedHashMap::new, this::write);

    private HeldBackRows(JdbcTemplate jdbc, String what, String statement, Function<R, String> key,
                         ToLongFunction<R> version, Function<R, Object[]> values, int writeEvery, String rows,
                         String keyColumn, RowMapper<R> row) {
        this.jdbc = jdbc;
        this.what = what;
        this.statement = statement;
        this.key = key;
        this.version = version;
        this.values = values;
        this.writeEvery = writeEvery;
        this.reads = rows == null ? null : new BatchReads<>(
                keys -> jdbc.query(rows + " where " + keyColumn + " = any (?)", row,
                                (Object) keys.toArray(String[]::new)).stream()
                        .collect(Collectors.toMap(key, found -> found)),
                one -> jdbc.query(rows + " where " + keyColumn + " = ?", row, one).stream().findFirst());
    }

    /**
     * Rows of records of what {@code what} names ("product"), written by {@code upsert} with the parameters
     * {@code values} gives, which changes nothing when the stored row's version is the same or later, and read by
     * {@code rows} ({@code select … from table}) by their key column {@code keyColumn} through {@code row}.
     */
    public static <R> HeldBackRows<R> versioned(JdbcTemplate jdbc, String what, String upsert, Function<R, String> key,
                                                ToLongFunction<R> version, Function<R, Object[]> values,
                                                int writeEvery, String rows, String keyColumn, RowMapper<R> row) {
        return new HeldBackRows<>(jdbc, what, upsert, key, version, values, writeEvery, rows, keyColumn, row);
    }

    /**
     * Rows written once, by {@code insert} ({@code on conflict do nothing}) with the parameters {@code values}
     * gives: a row stored already is left as it is. Such rows are not looked up.
     */
    public static <R> HeldBackRows<R> insertedOnce(JdbcTemplate jdbc, String insert, Function<R, String> key,
                                                   Function<R, Object[]> values, int writeEvery) {
        return new HeldBackRows<>(jdbc, null, insert, key, null, values, writeEvery, null, null, null);
    }

    /** The row of {@code key}: the one the current transaction holds back, else the table's. */
    public Optional<R> find(String key) {
        Optional<R> held = unwritten.existing().map(rows -> rows.get(key));
        return held.isPresent() ? held : reads.find(key);
    }

    /**
     * The row of {@code key} as an event of the record's with sequence number {@code sequence} finds it: as
     * {@link #find(String)} does, except that a record's first event replayed in order into views holding exactly
     * the events before it — made empty, or a checkpoint's ({@link ShadowReplay#replayingInOrder()}) — finds none
     * without asking the table.
     */
    public Optional<R> find(String key, long sequence) {
        return sequence == 0 && ShadowReplay.replayingInOrder() ? Optional.empty() : find(key);
    }

    /**
     * Saves {@code row}: held back within a transaction, else written now. False only when written now and a stored
     * row kept its place (of the same or a later version, or recorded already): then there is nothing to count.
     */
    public boolean save(R row) {
        Optional<Map<String, R>> held = unwritten.get();
        if (held.isEmpty()) {
            return jdbc.update(statement, values.apply(row)) > 0;
        }
        held.get().put(key.apply(row), row);
        if (held.get().size() >= writeEvery) {
            write(held.get());
        }
        return true;
    }

    /** Writes the rows the current transaction holds back, now. */
    public void flush() {
        unwritten.existing().ifPresent(this::write);
    }

    /** Drops the rows the current transaction holds back, unwritten, and those it read (the view is being emptied). */
    public void forget() {
        unwritten.existing().ifPresent(Map::clear);
        readAfresh();
    }

    /** Forgets the rows the current transaction has read or written: the next look-ups ask the table. */
    public void readAfresh() {
        if (reads != null) {
            reads.forgetAll();
        }
    }

    private void write(Map<String, R> held) {
        if (held.isEmpty()) {
            return;
        }
        List<R> rows = List.copyOf(held.values());
        int[] written = jdbc.batchUpdate(statement, rows.stream().map(values).toList());
        if (version != null) {
            for (int i = 0; i < written.length; i++) {
                if (written[i] == 0) {
                    throw new IllegalStateException(what + " " + key.apply(rows.get(i)) + ": a version later than "
                            + version.applyAsLong(rows.get(i)) + " is stored already; the batch is handled again");
                }
                reads.remember(key.apply(rows.get(i)), rows.get(i));
            }
        }
        held.clear();
    }
}
