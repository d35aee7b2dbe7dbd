package vn.ocop.infra.axon;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.stream.Stream;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import vn.ocop.events.common.EventTimestamps;

/**
 * The event store on plain JDBC, whose reader for the processors goes ahead in steps of a bounded number of events.
 *
 * <p>Axon's JDBC engine on the tables of its JPA engine (V1): an event is appended by one prepared insert whose
 * {@code global_index} the column's default draws from its sequence, one value at a time, in the same statement;
 * the processors' reads are prepared statements too. The JPA engine drew the value in a round trip of its own,
 * flushed a persistence context for every command (a fifth of a sender's time) and had the reader's query, whose
 * list of gaps changes size, interpreted anew for each fetch.
 *
 * <p>The event store reads ahead once for every processor near the head (a stream that may block; no other
 * reader asks for one). That reader keeps the first event of its read reachable until the read ends, and with it
 * every event read after it: when a million events arrived while the processors stood still — written by another
 * node, or by an import — one read took them all in and filled a 512 MB heap within a minute. Read in steps, it
 * holds at most one step, and between steps it stops altogether once every processor has fallen back to reading
 * on its own, instead of reading the whole backlog for nobody.
 */
final class SteppedReadAhead extends JdbcEventStorageEngine {

    /** Events per step of the shared reader: ten of the store's fetches. */
    static final int STEP = 1_000;

    /** Axon's tables as V1 names them. */
    static final EventSchema TABLES = EventSchema.builder()
            .eventTable("domain_event_entry")
            .snapshotTable("snapshot_event_entry")
            .globalIndexColumn("global_index")
            .timestampColumn("time_stamp")
            .eventIdentifierColumn("event_identifier")
            .aggregateIdentifierColumn("aggregate_identifier")
            .sequenceNumberColumn("sequence_number")
            .typeColumn("type")
            .payloadTypeColumn("payload_type")
            .payloadRevisionColumn("payload_revision")
            .payloadColumn("payload")
            .metaDataColumn("meta_data")
            .build();

    /**
     * An event's time as Axon writes it ({@code 2026-11-29T15:42:11.747Z}: milliseconds always, UTC), by the JDK's
     * printer of instants. Axon's own formatter goes through a zoned date-time and a decimal fraction for each event:
     * 7 % of a sender's samples in a recording of the commands.
     */
    static final DateTimeFormatter TIMESTAMPS = EventTimestamps.FORMAT;

    private final int step;

    SteppedReadAhead(Builder builder, int step) {
        super(builder);
        this.step = step;
    }

    /** A builder of the engine on the service's tables, payloads and metadata read and written as {@code bytea}. */
    static Builder on(ConnectionProvider connections, TransactionManager transactions) {
        return JdbcEventStorageEngine.builder()
                .schema(TABLES)
                .dataType(byte[].class)
                .connectionProvider(connections)
                .transactionManager(transactions);
    }

    @Override
    protected void writeTimestamp(PreparedStatement statement, int position, Instant timestamp) throws SQLException {
        statement.setString(position, TIMESTAMPS.format(timestamp));
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        Stream<? extends TrackedEventMessage<?>> events = super.readEvents(trackingToken, mayBlock);
        return mayBlock ? events.limit(step) : events;
    }
}
