package vn.ocop.infra.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import vn.ocop.infra.TestDatabase;
import vn.ocop.query.audit.chain.ChainVerifier;
import vn.ocop.query.audit.chain.ChainVerifier.Problem;
import vn.ocop.query.audit.chain.ChainWriter;
import vn.ocop.query.audit.chain.SigningKey;

/**
 * The verifier finds every tampering of a stored history and names its first bad position. A history of
 * {@value #EVENTS} events, chained by the service's own {@link ChainWriter}, lives in a schema of its own (with the
 * service's tables and triggers); each try disables the triggers, tampers, verifies and rolls back.
 */
class ChainTamperingTest {

    static final int EVENTS = 10_000;
    private static final String SCHEMA = "chain_tampering";
    /** Every so many positions one is left unused, as a rolled-back append leaves it: room for a forged row. */
    private static final int GAP_EVERY = 97;
    private static final String[] TYPES = {"ProductEvent$ProductRegistered", "ProductEvent$EvaluationRecorded",
            "ProductEvent$ProductRecognized", "SubjectEvent$SubjectRegistered", "SupportGrantEvent$SupportDisbursed"};

    private static final SigningKey KEY = SigningKey.generate();
    private static final List<Long> POSITIONS = new ArrayList<>();
    private static final List<Long> GAPS = new ArrayList<>();
    /** One connection for every try: its prepared statements soon travel in binary, which keeps a try short. */
    private static Connection tries;

    @BeforeContainer
    static void storeAndChainAHistory() throws SQLException {
        TestDatabase.Connection database = TestDatabase.get();
        // The service's schema, as the service migrates it (a no-op when a service test ran first).
        Flyway.configure().dataSource(database.url(), database.username(), database.password())
                .locations("classpath:db/migration").load().migrate();
        try (Connection connection = connect(); Statement sql = connection.createStatement()) {
            sql.execute("drop schema if exists " + SCHEMA + " cascade");
            sql.execute("create schema " + SCHEMA);
            for (String table : List.of("domain_event_entry", "audit_chain", "audit_checkpoint")) {
                sql.execute("create table " + SCHEMA + "." + table + " (like public." + table + " including all)");
                sql.execute("create trigger immutable before update or delete on " + SCHEMA + "." + table
                        + " for each row execute function public.reject_event_change()");
            }
            sql.execute("set search_path = " + SCHEMA);
            store(connection);
            SingleConnectionDataSource single = new SingleConnectionDataSource(connection, true);
            ChainWriter writer = new ChainWriter(new JdbcTemplate(single), KEY, Clock.systemUTC(), 500);
            connection.setAutoCommit(false);
            // Each append also chains what lies unchained within its window before it, in order.
            for (int i = 0; i < POSITIONS.size(); i++) {
                if (i % 500 == 499 || i == POSITIONS.size() - 1) {
                    writer.append(POSITIONS.get(i));
                }
            }
            connection.commit();
        }
        tries = connect();
        tries.setAutoCommit(false);
    }

    @AfterContainer
    static void dropTheHistory() throws SQLException {
        if (tries != null) {
            tries.close();
        }
        try (Connection connection = connect(); Statement sql = connection.createStatement()) {
            sql.execute("drop schema if exists " + SCHEMA + " cascade");
        }
    }

    @Example
    void theUntouchedHistoryVerifies() throws SQLException {
        ChainVerifier.Report report = tamperAndVerify(connection -> { });

        assertThat(report.failure()).isNull();
        assertThat(report.intact()).isTrue();
        assertThat(report.entriesChecked()).isEqualTo(EVENTS);
        assertThat(report.checkpointsChecked()).isEqualTo(EVENTS / 500);
        assertThat(report.lastPosition()).isEqualTo(POSITIONS.get(POSITIONS.size() - 1));
    }

    @Example
    void anEventThatCommitsAfterALaterOneIsChainedByTheNextAppend() throws SQLException {
        try (Statement sql = tries.createStatement()) {
            sql.execute("set local search_path = " + SCHEMA);
            sql.execute("set local session_replication_role = replica");
            long late = GAPS.get(3);
            long last = POSITIONS.get(POSITIONS.size() - 1);
            // A late commit inside the chained range: the verifier sees it unchained…
            new ForgeRow(late, POSITIONS.get(0)).apply(tries);
            assertThat(new ChainVerifier(KEY).verify(tries, List.of()).failure().problem())
                    .isEqualTo(Problem.EVENT_NOT_CHAINED);
            // …until the sweep (or the next append, when it is within the window) chains it after the head.
            ChainWriter writer = new ChainWriter(new JdbcTemplate(new SingleConnectionDataSource(tries, true)), KEY,
                    Clock.systemUTC(), 500);
            assertThat(writer.sweep()).isEqualTo(1);
            ChainVerifier.Report report = new ChainVerifier(KEY).verify(tries, List.of());
            assertThat(report.failure()).isNull();
            assertThat(report.entriesChecked()).isEqualTo(EVENTS + 1);
            assertThat(report.lastPosition()).isEqualTo(late);
            // A new event at the end, with one more late commit within its window, both chained by its append.
            new ForgeRow(last + 1, last).apply(tries);
            new ForgeRow(GAPS.get(GAPS.size() - 1), POSITIONS.get(1)).apply(tries);
            writer.append(last + 1);
            assertThat(new ChainVerifier(KEY).verify(tries, List.of()).intact()).isTrue();
            // An event altered halfway: the walk stops there, before the entry that chains the late commit, which
            // it has passed by then; that event is chained, further on, and is not reported as never chained.
            FlipByte altered = new FlipByte(POSITIONS.get(EVENTS / 2), "payload", 7, 2);
            altered.apply(tries);
            ChainVerifier.Failure failure = new ChainVerifier(KEY).verify(tries, List.of()).failure();
            assertThat(failure.problem()).isEqualTo(Problem.EVENT_ALTERED);
            assertThat(failure.position()).isEqualTo(altered.position());
        } finally {
            tries.rollback();
        }
    }

    @Example
    void withTheTriggersOnTheHistoryCannotBeChanged() throws SQLException {
        try (Connection connection = connect(); Statement sql = connection.createStatement()) {
            sql.execute("set search_path = " + SCHEMA);
            assertThatThrownBy(() -> sql.execute("update domain_event_entry set payload = '\\x00' "
                    + "where global_index = " + POSITIONS.get(0))).hasMessageContaining("immutable");
            assertThatThrownBy(() -> sql.execute("delete from audit_chain where sequence = 1"))
                    .hasMessageContaining("immutable");
        }
    }

    @Property(tries = 1000)
    void everyTamperingIsFoundAtItsFirstBadPosition(@ForAll("tamperings") Tampering tampering) throws SQLException {
        ChainVerifier.Report report = tamperAndVerify(tampering::apply);

        assertThat(report.intact()).as(tampering.toString()).isFalse();
        assertThat(report.failure().position()).as(tampering + ": " + report.failure())
                .isEqualTo(tampering.firstBadPosition());
        assertThat(report.failure().problem()).as(tampering + ": " + report.failure()).isEqualTo(tampering.found());
    }

    @Provide
    Arbitrary<Tampering> tamperings() {
        Arbitrary<Long> position = Arbitraries.of(POSITIONS);
        Arbitrary<Integer> offset = Arbitraries.integers().between(0, 10_000);
        Arbitrary<Integer> bit = Arbitraries.integers().between(0, 7);
        return Arbitraries.oneOf(
                Combinators.combine(position, offset, bit).as((at, byteAt, b) -> new FlipByte(at, "payload", byteAt, b)),
                Combinators.combine(position, offset, bit).as((at, byteAt, b) -> new FlipByte(at, "meta_data", byteAt, b)),
                position.map(DeleteRow::new),
                Combinators.combine(position, position).filter((one, other) -> !one.equals(other)).as(SwapRows::new),
                Combinators.combine(Arbitraries.of(GAPS), position).as(ForgeRow::new),
                position.map(TruncateTail::new),
                Combinators.combine(position, Arbitraries.longs().between(-86_400_000L, 86_400_000L)
                        .filter(shift -> shift != 0)).as(EditTimestamp::new));
    }

    /** One way to change the stored history behind the service's back. */
    interface Tampering {
        void apply(Connection connection) throws SQLException;

        long firstBadPosition();

        Problem found();
    }

    record FlipByte(long position, String column, int offset, int bit) implements Tampering {
        public void apply(Connection connection) throws SQLException {
            update(connection, "update domain_event_entry set " + column + " = set_byte(" + column + ", ? % length("
                    + column + "), get_byte(" + column + ", ? % length(" + column + ")) # ?) where global_index = ?",
                    offset, offset, 1 << bit, position);
        }

        public long firstBadPosition() {
            return position;
        }

        public Problem found() {
            return Problem.EVENT_ALTERED;
        }
    }

    record DeleteRow(long position) implements Tampering {
        public void apply(Connection connection) throws SQLException {
            update(connection, "delete from domain_event_entry where global_index = ?", position);
        }

        public long firstBadPosition() {
            return position;
        }

        public Problem found() {
            return Problem.EVENT_MISSING;
        }
    }

    record SwapRows(long one, long other) implements Tampering {
        public void apply(Connection connection) throws SQLException {
            update(connection, "update domain_event_entry set global_index = -1 where global_index = ?", one);
            update(connection, "update domain_event_entry set global_index = ? where global_index = ?", one, other);
            update(connection, "update domain_event_entry set global_index = ? where global_index = -1", other);
        }

        public long firstBadPosition() {
            return Math.min(one, other);
        }

        public Problem found() {
            return Problem.EVENT_ALTERED;
        }
    }

    /** A new row in an unused position within the chained history, copied from a genuine one. */
    record ForgeRow(long gap, long copiedFrom) implements Tampering {
        public void apply(Connection connection) throws SQLException {
            update(connection, """
                    insert into domain_event_entry (global_index, event_identifier, meta_data, payload,
                        payload_revision, payload_type, time_stamp, aggregate_identifier, sequence_number, type)
                    select ?, ?, meta_data, payload, payload_revision, payload_type, time_stamp, ?, 0, type
                    from domain_event_entry where global_index = ?""",
                    gap, UUID.randomUUID().toString(), UUID.randomUUID().toString(), copiedFrom);
        }

        public long firstBadPosition() {
            return gap;
        }

        public Problem found() {
            return Problem.EVENT_NOT_CHAINED;
        }
    }

    record TruncateTail(long from) implements Tampering {
        public void apply(Connection connection) throws SQLException {
            update(connection, "delete from domain_event_entry where global_index >= ?", from);
        }

        public long firstBadPosition() {
            return from;
        }

        public Problem found() {
            return Problem.EVENT_MISSING;
        }
    }

    record EditTimestamp(long position, long shiftMillis) implements Tampering {
        public void apply(Connection connection) throws SQLException {
            update(connection, """
                    update domain_event_entry
                    set time_stamp = to_char((time_stamp::timestamptz + ? * interval '1 millisecond') at time zone 'UTC',
                                             'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
                    where global_index = ?""", shiftMillis, position);
        }

        public long firstBadPosition() {
            return position;
        }

        public Problem found() {
            return Problem.EVENT_ALTERED;
        }
    }

    private interface Change {
        void apply(Connection connection) throws SQLException;
    }

    /** Tampers with the triggers off and verifies, in one transaction that is then rolled back. */
    private static ChainVerifier.Report tamperAndVerify(Change change) throws SQLException {
        try (Statement sql = tries.createStatement()) {
            sql.execute("set local search_path = " + SCHEMA);
            sql.execute("set local session_replication_role = replica");
            change.apply(tries);
            return new ChainVerifier(KEY).verify(tries, List.of());
        } finally {
            tries.rollback();
        }
    }

    private static void update(Connection connection, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
    }

    /** Stores {@value #EVENTS} events of the shapes the service stores, with a gap every {@value #GAP_EVERY}. */
    private static void store(Connection connection) throws SQLException {
        Random random = new Random(20_241_128L);
        Instant time = Instant.parse("2021-03-01T01:00:00Z");
        POSITIONS.clear();
        GAPS.clear();
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into domain_event_entry (global_index, event_identifier, meta_data, payload, payload_revision,
                    payload_type, time_stamp, aggregate_identifier, sequence_number, type)
                values (?, ?, ?, ?, '1', ?, ?, ?, ?, ?)""")) {
            long position = 0;
            List<String> aggregates = new ArrayList<>();
            List<Integer> versions = new ArrayList<>();
            while (POSITIONS.size() < EVENTS) {
                position++;
                if (position % GAP_EVERY == 0) {
                    GAPS.add(position);
                    continue;
                }
                int aggregate = aggregates.isEmpty() || random.nextInt(4) == 0 ? -1 : random.nextInt(aggregates.size());
                if (aggregate < 0) {
                    aggregates.add(UUID.nameUUIDFromBytes(("a" + position).getBytes()).toString());
                    versions.add(-1);
                    aggregate = aggregates.size() - 1;
                }
                versions.set(aggregate, versions.get(aggregate) + 1);
                time = time.plusMillis(1 + random.nextInt(3_600_000));
                String type = TYPES[random.nextInt(TYPES.length)];
                insert.setLong(1, position);
                insert.setString(2, UUID.nameUUIDFromBytes(("e" + position).getBytes()).toString());
                insert.setBytes(3, """
                        {"user":"can.bo.%d","correlationId":"%s","traceId":"%s","causationId":"%s"}"""
                        .formatted(random.nextInt(40), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID())
                        .getBytes());
                insert.setBytes(4, """
                        {"id":"%s","decision":{"number":"%d/QĐ-UBND","date":"%s","issuer":"UBND tỉnh Kon Tum",\
                        "level":"PROVINCE"},"stars":%d,"note":"%s"}"""
                        .formatted(aggregates.get(aggregate), random.nextInt(2000),
                                time.atOffset(ZoneOffset.UTC).toLocalDate(), 3 + random.nextInt(3),
                                "x".repeat(random.nextInt(400)))
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
                insert.setString(5, "vn.ocop.events." + type);
                insert.setString(6, time.toString());
                insert.setString(7, aggregates.get(aggregate));
                insert.setLong(8, versions.get(aggregate));
                insert.setString(9, type.substring(0, type.indexOf("Event$")));
                insert.addBatch();
                POSITIONS.add(position);
            }
            insert.executeBatch();
        }
    }

    private static Connection connect() throws SQLException {
        TestDatabase.Connection database = TestDatabase.get();
        return DriverManager.getConnection(database.url(), database.username(), database.password());
    }
}
