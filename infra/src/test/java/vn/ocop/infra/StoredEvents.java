package vn.ocop.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** An aggregate's events as the event store holds them, for tests that check what was recorded. */
public final class StoredEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One stored event: its type's simple name, payload and metadata. */
    public record Stored(long sequence, String type, JsonNode payload, JsonNode metadata) {
    }

    private StoredEvents() {
    }

    public static List<Stored> of(JdbcTemplate jdbc, String aggregateId) {
        return jdbc.query("""
                select sequence_number, payload_type, payload, meta_data from domain_event_entry
                where aggregate_identifier = ? order by sequence_number""",
                (row, n) -> new Stored(row.getLong(1), simpleName(row.getString(2)), read(row.getBytes(3)),
                        read(row.getBytes(4))), aggregateId);
    }

    public static List<String> typesOf(JdbcTemplate jdbc, String aggregateId) {
        return of(jdbc, aggregateId).stream().map(Stored::type).toList();
    }

    private static String simpleName(String payloadType) {
        return payloadType.substring(payloadType.lastIndexOf('$') + 1);
    }

    private static JsonNode read(byte[] json) {
        try {
            return json == null ? JSON.nullNode() : JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
