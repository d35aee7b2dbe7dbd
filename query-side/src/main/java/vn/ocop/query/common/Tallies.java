package vn.ocop.query.common;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Counts kept beside a view by the view's own projection, so that a dashboard reads a few hundred cells instead
 * of scanning the view: each row of the view counts once in the cell of its values, and a change of a row moves
 * it from the cell of its old values to the cell of its new ones.
 *
 * <p>Within a transaction (a processor's batch) the moves are added up and written just before it commits, one
 * statement per cell changed, the cells in one order for every writer: the processors of different segments that
 * change the same cells then wait for each other at commit, never deadlock. A cell that falls to zero is removed,
 * so that a tally built from the events — a rebuild, a shadow — equals the live one row for row. Outside a
 * transaction each move is written at once.
 */
@Component
public class Tallies implements WriteBehind {

    private final JdbcTemplate jdbc;
    /** Per transaction: each tally's pending changes by cell; tallies and cells in their writing order. */
    private final TransactionScoped<Map<Tally, TreeMap<List<Object>, long[]>>> pending =
            new TransactionScoped<>(() -> new TreeMap<>(Comparator.comparing(Tally::toString)), this::write);

    Tallies(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The tally kept in {@code table}: a count column and the columns naming a cell, none of them null. */
    public Tally tally(String table, String countColumn, String... cellColumns) {
        return new Tally(table, countColumn, List.of(cellColumns));
    }

    @Override
    public void flush() {
        pending.existing().ifPresent(this::write);
    }

    private void write(Map<Tally, TreeMap<List<Object>, long[]>> changes) {
        changes.forEach(Tally::write);
        changes.clear();
    }

    /** One tally: a table of cells and their counts. */
    public final class Tally {

        private final String table;
        private final List<String> cellColumns;
        private final String upsert;
        private final String deleteEmpty;

        private Tally(String table, String countColumn, List<String> cellColumns) {
            this.table = table;
            this.cellColumns = cellColumns;
            String columns = String.join(", ", cellColumns);
            this.upsert = "insert into " + table + " (" + columns + ", " + countColumn + ") values ("
                    + "?, ".repeat(cellColumns.size()) + "?) on conflict (" + columns + ") do update set "
                    + countColumn + " = " + table + "." + countColumn + " + excluded." + countColumn;
            this.deleteEmpty = "delete from " + table + " where (" + columns + ") = ("
                    + String.join(", ", Collections.nCopies(cellColumns.size(), "?")) + ") and " + countColumn + " = 0";
        }

        /**
         * A row moves from the cell {@code from} to the cell {@code to}: null {@code from} for a row that is new,
         * null {@code to} for one that is gone. Equal cells change nothing.
         */
        public void move(List<Object> from, List<Object> to) {
            if (Objects.equals(from, to)) {
                return;
            }
            if (from != null) {
                add(from, -1);
            }
            if (to != null) {
                add(to, 1);
            }
        }

        private void add(List<Object> cell, long change) {
            if (cell.size() != cellColumns.size() || cell.stream().anyMatch(Objects::isNull)) {
                throw new IllegalArgumentException(table + ": a cell names " + cellColumns + ", none null: " + cell);
            }
            pending.get().ifPresentOrElse(
                    changes -> changes.computeIfAbsent(this, tally -> new TreeMap<>(CELL_ORDER))
                            .computeIfAbsent(cell, key -> new long[1])[0] += change,
                    () -> {
                        TreeMap<List<Object>, long[]> now = new TreeMap<>(CELL_ORDER);
                        now.put(cell, new long[] {change});
                        write(now);
                    });
        }

        /** Empties the tally, with whatever the current transaction had pending for it. */
        public void clear() {
            pending.existing().ifPresent(changes -> changes.remove(this));
            jdbc.update("delete from " + table);
        }

        private void write(TreeMap<List<Object>, long[]> changes) {
            List<Object[]> upserts = new ArrayList<>();
            List<Object[]> emptied = new ArrayList<>();
            changes.forEach((cell, change) -> {
                if (change[0] != 0) {
                    List<Object> row = new ArrayList<>(cell);
                    row.add(change[0]);
                    upserts.add(row.toArray());
                }
                if (change[0] < 0) {
                    emptied.add(cell.toArray());
                }
            });
            if (!upserts.isEmpty()) {
                jdbc.batchUpdate(upsert, upserts);
            }
            if (!emptied.isEmpty()) {
                // only cells this transaction holds already: no lock taken out of order
                jdbc.batchUpdate(deleteEmpty, emptied);
            }
        }

        @Override
        public String toString() {
            return table;
        }
    }

    /** One order of cells for every writer: column by column, each by its values' natural order. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final Comparator<List<Object>> CELL_ORDER = (one, other) -> {
        for (int column = 0; column < one.size(); column++) {
            int order = ((Comparable) one.get(column)).compareTo(other.get(column));
            if (order != 0) {
                return order;
            }
        }
        return 0;
    };
}
