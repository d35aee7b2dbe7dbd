package vn.ocop.query.report;

import java.time.Instant;
import java.util.function.BiConsumer;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The stored events of one kind of record, in their order, with the instant each was recorded: what the
 * reports fold by business date. Read from the event table by its name, so that a report "as of" an instant,
 * run against the event table as it stood then, folds the events recorded up to then alone.
 */
@Component
class RecordedEvents {

    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    RecordedEvents(JdbcTemplate jdbc, Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    /** Each event of the sealed interface {@code type}, with its aggregate's id and its recorded instant. */
    <E> void forEach(Class<E> type, Fold<E> fold) {
        jdbc.query("""
                select aggregate_identifier, payload_type, payload_revision, payload, time_stamp
                from domain_event_entry where payload_type like ? order by global_index""",
                row -> {
                    Object event = serializer.deserialize(new SimpleSerializedObject<>(row.getBytes(4), byte[].class,
                            new SimpleSerializedType(row.getString(2), row.getString(3))));
                    fold.apply(row.getString(1), type.cast(event), Instant.parse(row.getString(5)));
                }, type.getName() + "$%");
    }

    /** One event folded in. */
    @FunctionalInterface
    interface Fold<E> {
        void apply(String aggregateId, E event, Instant recordedAt);
    }

    /** For folds that need neither the id nor the instant. */
    static <E> Fold<E> each(BiConsumer<String, E> fold) {
        return (id, event, recordedAt) -> fold.accept(id, event);
    }
}
