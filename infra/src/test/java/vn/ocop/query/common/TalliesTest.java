package vn.ocop.query.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ocop.infra.ServiceTest;

/** Counts kept beside a view: written at commit in one order, emptied cells removed, nothing kept on rollback. */
class TalliesTest extends ServiceTest {

    private static final String TABLE = "tallies_test";

    @Autowired
    Tallies tallies;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    private Tallies.Tally tally;
    private TransactionTemplate transaction;

    @BeforeEach
    void table() {
        jdbc.execute("create table if not exists " + TABLE + " (colour varchar(10) not null, size integer not null, "
                + "items bigint not null, primary key (colour, size))");
        jdbc.update("delete from " + TABLE);
        tally = tallies.tally(TABLE, "items", "colour", "size");
        transaction = new TransactionTemplate(transactionManager);
    }

    @AfterEach
    void dropTable() {
        jdbc.execute("drop table " + TABLE);
        jdbc.execute("drop function if exists tallies_test_slowly()");
    }

    private static List<Object> cell(String colour, int size) {
        return List.of(colour, size);
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        jdbc.query("select colour, size, items from " + TABLE, row -> {
            counts.put(row.getString(1) + row.getInt(2), row.getLong(3));
        });
        return counts;
    }

    @Test
    void movesAreWrittenWhenTheTransactionCommitsAndAnEmptiedCellIsRemoved() {
        transaction.executeWithoutResult(status -> {
            tally.move(null, cell("red", 1));
            tally.move(null, cell("red", 1));
            tally.move(null, cell("blue", 2));
            assertThat(counts()).as("nothing before the commit").isEmpty();
        });
        assertThat(counts()).containsExactlyEntriesOf(new java.util.TreeMap<>(Map.of("blue2", 1L, "red1", 2L)));

        transaction.executeWithoutResult(status -> {
            tally.move(cell("blue", 2), cell("red", 1));
            tally.move(cell("red", 1), cell("red", 1)); // the same cell: nothing moves
        });
        assertThat(counts()).as("blue 2 emptied and gone").containsExactlyEntriesOf(Map.of("red1", 3L));

        tally.move(cell("red", 1), null); // outside a transaction: at once
        assertThat(counts()).containsExactlyEntriesOf(Map.of("red1", 2L));
    }

    @Test
    void aTransactionRolledBackLeavesNoCountBehind() {
        transaction.executeWithoutResult(status -> tally.move(null, cell("green", 3)));
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            tally.move(cell("green", 3), cell("green", 4));
            throw new IllegalStateException("the batch fails");
        })).hasMessage("the batch fails");
        transaction.executeWithoutResult(status -> tally.move(null, cell("green", 3)));

        assertThat(counts()).containsExactlyEntriesOf(Map.of("green3", 2L));
    }

    @Test
    void aReaderInTheTransactionSeesItsMovesOnceFlushed() {
        transaction.executeWithoutResult(status -> {
            tally.move(null, cell("white", 1));
            tallies.flush();
            assertThat(counts()).containsExactlyEntriesOf(Map.of("white1", 1L));
            tally.move(cell("white", 1), cell("white", 2));
            tallies.flush();
            assertThat(counts()).containsExactlyEntriesOf(Map.of("white2", 1L));
        });
        assertThat(counts()).containsExactlyEntriesOf(Map.of("white2", 1L));
    }

    /**
     * Many transactions move rows among the same cells, each in its own order, and each change of a cell is slowed
     * (a trigger sleeps) while the transaction holds the cells it changed before: written in each transaction's own
     * order they would soon wait on each other in a circle, which PostgreSQL breaks by aborting one; written in the
     * one order of cells they only queue.
     */
    @Test
    void transactionsChangingTheSameCellsInDifferentOrdersAllCommit() throws Exception {
        List<List<Object>> cells = List.of(cell("a", 1), cell("b", 1), cell("c", 1), cell("d", 1));
        jdbc.execute("create or replace function tallies_test_slowly() returns trigger language plpgsql as "
                + "$$ begin perform pg_sleep(0.003); return new; end $$");
        jdbc.execute("create trigger tallies_test_slowly before update on " + TABLE
                + " for each row execute function tallies_test_slowly()");
        transaction.executeWithoutResult(status -> cells.forEach(cell -> {
            for (int i = 0; i < 10; i++) {
                tally.move(null, cell);
            }
        }));
        int writers = 6;
        int rounds = 20;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<Void>> done = new ArrayList<>();
            for (int writer = 0; writer < writers; writer++) {
                Random random = new Random(writer);
                done.add(pool.submit((Callable<Void>) () -> {
                    for (int round = 0; round < rounds; round++) {
                        List<List<Object>> order = new ArrayList<>(cells);
                        Collections.shuffle(order, random);
                        transaction.executeWithoutResult(status -> {
                            for (int i = 0; i < order.size(); i++) {
                                tally.move(order.get(i), order.get((i + 1) % order.size()));
                                tally.move(null, order.get(i));
                            }
                        });
                    }
                    return null;
                }));
            }
            for (Future<Void> writer : done) {
                writer.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        // each transaction moves one row round the circle of cells (no cell changes) and adds one row to each
        long each = 10 + (long) writers * rounds;
        assertThat(counts()).containsExactlyInAnyOrderEntriesOf(Map.of("a1", each, "b1", each, "c1", each, "d1", each));
    }

    @Test
    void aCellWithANullValueIsRefused() {
        java.util.ArrayList<Object> withNull = new java.util.ArrayList<>(List.of("red"));
        withNull.add(null);
        assertThatThrownBy(() -> tally.move(null, withNull)).isInstanceOf(IllegalArgumentException.class);
    }
}
