package vn.ocop.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import vn.ocop.query.common.NotFound;

/** One aggregate's timeline: what happened, when it was recorded, who did it, on which decision. */
@RestController
class AuditController {

    /** The aggregate types by the name the API gives them. */
    private static final Map<String, String> TYPES = Map.of(
            "subjects", "Subject", "products", "Product", "budgets", "BudgetLine",
            "support-grants", "SupportGrant", "programme-plans", "ProgrammePlan");

    /**
     * One event of the timeline. {@code user} is who caused it; {@code trigger} names the deadline for what
     * time caused; the lines say what happened, with the decision's reference and business date.
     */
    record Entry(long position, long sequence, String event, String recordedAt, String user, String correlationId,
                 String trigger, String lineVi, String lineEn) {
    }

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final TimelineLines lines;

    AuditController(JdbcTemplate jdbc, ObjectMapper json, TimelineLines lines) {
        this.jdbc = jdbc;
        this.json = json;
        this.lines = lines;
    }

    @GetMapping("/api/audit/{aggregateType}/{id}/history")
    List<Entry> history(@PathVariable String aggregateType, @PathVariable String id) {
        String type = TYPES.get(aggregateType);
        if (type == null) {
            throw new NotFound("kind of record");
        }
        List<Entry> entries = jdbc.query("""
                select global_index, sequence_number, payload_type, time_stamp, payload, meta_data
                from domain_event_entry where aggregate_identifier = ? and type = ? order by sequence_number""",
                (row, n) -> {
                    String event = row.getString(3).substring(row.getString(3).lastIndexOf('$') + 1);
                    JsonNode payload = read(row.getBytes(5));
                    JsonNode metadata = read(row.getBytes(6));
                    String user = text(metadata, "user");
                    String trigger = text(metadata, "trigger");
                    String by = user != null ? ", " + user : "";
                    return new Entry(row.getLong(1), row.getLong(2), event, row.getString(4), user,
                            text(metadata, "correlationId"), trigger,
                            lines.render(event, payload, "vi") + by, lines.render(event, payload, "en") + by);
                }, id, type);
        if (entries.isEmpty()) {
            throw new NotFound("record");
        }
        return entries;
    }

    private JsonNode read(byte[] bytes) {
        try {
            return bytes == null ? json.nullNode() : json.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }
}
