package vn.ocop.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.ocop.query.common.EffectiveDates;
import vn.ocop.query.common.InvalidQuery;
import vn.ocop.query.common.NotFound;
import vn.ocop.query.common.Page;
import vn.ocop.query.common.ReaderScope;
import vn.ocop.query.common.RecordStates;
import vn.ocop.query.common.ShadowReplay;
import vn.ocop.query.common.Today;

/**
 * The audit trail read from the event store: the global history, one record's timeline, and a record's state
 * at a past instant. Two clocks run through it: {@code recordedAt}, when the system stored the event, and
 * {@code effectiveOn}, the business date the event takes effect by its decision — they differ when a decision is
 * entered late.
 */
@RestController
class AuditController {

    /** The aggregate types by the name the API gives them. */
    private static final Map<String, String> TYPES = Map.of(
            "subjects", "Subject", "products", "Product", "budgets", "BudgetLine",
            "support-grants", "SupportGrant", "programme-plans", "ProgrammePlan");
    private static final Map<String, String> NAMES = TYPES.entrySet().stream()
            .collect(Collectors.toMap(Map.Entry::getValue, Map.Entry::getKey));
    private static final String COLUMNS = "global_index, type, aggregate_identifier, sequence_number, payload_type, "
            + "time_stamp, payload, meta_data";

    /**
     * One event of the trail. {@code user} is who caused it; {@code trigger} names the deadline for what time
     * caused; the lines say what happened, with the decision's reference and business date.
     */
    record Entry(long position, String aggregateType, String aggregateId, long sequence, String event,
                 String recordedAt, String effectiveOn, String user, String correlationId, String trigger,
                 String lineVi, String lineEn) {
    }

    /** A record as it stood at {@code asOf}: its version then, its last event then, and its state in the view. */
    record State(String aggregateType, String id, Instant asOf, long version, long lastPosition,
                 String lastRecordedAt, Object state) {
    }

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final TimelineLines lines;
    private final ShadowReplay history;
    private final Map<String, RecordStates> states;
    private final ReaderScope scope;

    AuditController(JdbcTemplate jdbc, ObjectMapper json, TimelineLines lines, ShadowReplay history,
                    List<RecordStates> states, ReaderScope scope) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.json = json;
        this.lines = lines;
        this.history = history;
        this.states = states.stream().collect(Collectors.toMap(RecordStates::type, Function.identity()));
    }

    /**
     * The global history in the order it was recorded, filtered by any of: the kind of record and its id, the
     * event's type (e.g. {@code ProductRecognized}), the acting user, and the recording time
     * ({@code from} inclusive, {@code to} exclusive).
     */
    @GetMapping("/api/audit/events")
    Page<Entry> events(@RequestParam(required = false) String aggregateType,
                       @RequestParam(required = false) @Size(max = 100) String aggregateId,
                       @RequestParam(required = false) @Pattern(regexp = "[A-Za-z]{1,100}") String eventType,
                       @RequestParam(required = false) @Size(max = 200) String user,
                       @RequestParam(required = false) Instant from,
                       @RequestParam(required = false) Instant to,
                       @RequestParam(defaultValue = "0") @Min(0) int page,
                       @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        List<String> where = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        if (aggregateType != null) {
            where.add("type = ?");
            values.add(typeOf(aggregateType));
        }
        condition(where, values, "aggregate_identifier = ?", aggregateId);
        condition(where, values, "payload_type like ?", eventType == null ? null : "%$" + eventType);
        condition(where, values, "convert_from(meta_data, 'UTF8')::jsonb ->> 'user' = ?", user);
        condition(where, values, "time_stamp::timestamptz >= ?::timestamptz", from == null ? null : from.toString());
        condition(where, values, "time_stamp::timestamptz < ?::timestamptz", to == null ? null : to.toString());
        String filter = where.isEmpty() ? "" : " where " + String.join(" and ", where);
        Object[] paged = Page.arguments(values, page, size);
        return history.present(() -> {
            // the count and the page from one state of the store
            Long total = jdbc.queryForObject("select count(*) from domain_event_entry" + filter, Long.class,
                    values.toArray());
            List<Entry> entries = jdbc.query("select " + COLUMNS + " from domain_event_entry" + filter
                    + " order by global_index limit ? offset ?", (row, n) -> entry(row), paged);
            return new Page<>(entries, page, size, total == null ? 0 : total);
        });
    }

    /**
     * One record's timeline: by default in business order — by each event's effective date, an event without
     * one at its recorded day, events of one date in the order they were recorded — so that a step entered late
     * stands where it happened, its recorded instant beside it; with {@code order=recorded}, in the order the
     * events were recorded.
     */
    @GetMapping("/api/audit/{aggregateType}/{id}/history")
    List<Entry> history(@PathVariable String aggregateType, @PathVariable String id,
                        @RequestParam(defaultValue = "business") @Pattern(regexp = "business|recorded") String order) {
        List<Entry> entries = jdbc.query("select " + COLUMNS + " from domain_event_entry "
                + "where aggregate_identifier = ? and type = ? order by sequence_number",
                (row, n) -> entry(row), id, typeOf(aggregateType));
        if (entries.isEmpty()) {
            throw new NotFound("record");
        }
        return order.equals("recorded") ? entries : inBusinessOrder(entries);
    }

    private static List<Entry> inBusinessOrder(List<Entry> recorded) {
        List<Entry> entries = new ArrayList<>(recorded);
        entries.sort(Comparator.comparing(AuditController::businessDay));
        return entries;
    }

    private static String businessDay(Entry entry) {
        return entry.effectiveOn() != null ? entry.effectiveOn()
                : LocalDate.ofInstant(Instant.parse(entry.recordedAt()), Today.VIETNAM).toString();
    }

    /**
     * A product's timeline as the officers who follow it read it (the product page of the dashboard): the same
     * entries as the audit's, for a product within the reader's jurisdiction only.
     */
    @GetMapping("/api/products/{id}/timeline")
    List<Entry> productTimeline(@PathVariable String id, @RequestParam(required = false) Instant asOf,
                                @RequestParam(defaultValue = "business") @Pattern(regexp = "business|recorded")
                                String order) {
        jdbc.query("select commune_code from product_register where product_id = ?", (row, n) -> row.getString(1), id)
                .stream().filter(scope::sees).findFirst().orElseThrow(() -> new NotFound("product"));
        List<Entry> entries = history("products", id, order);
        return asOf == null ? entries
                : entries.stream().filter(entry -> !Instant.parse(entry.recordedAt()).isAfter(asOf)).toList();
    }

    /**
     * The record as it stood at {@code asOf}: its view rebuilt from the events recorded up to then, read as the
     * live endpoint reads it today.
     */
    @GetMapping("/api/audit/{aggregateType}/{id}/state")
    State state(@PathVariable String aggregateType, @PathVariable String id, @RequestParam Instant asOf) {
        String type = typeOf(aggregateType);
        RecordStates kind = states.get(aggregateType);
        List<State> last = jdbc.query("""
                select sequence_number, global_index, time_stamp from domain_event_entry
                where aggregate_identifier = ? and type = ? and time_stamp::timestamptz <= ?::timestamptz
                order by sequence_number desc limit 1""",
                (row, n) -> new State(aggregateType, id, asOf, row.getLong(1), row.getLong(2), row.getString(3), null),
                id, type, asOf.toString());
        if (last.isEmpty()) {
            throw new NotFound("record at that instant");
        }
        Object state = history.at(asOf, List.of(kind.view()), date -> kind.find(id).orElse(null));
        State then = last.get(0);
        return new State(aggregateType, id, asOf, then.version(), then.lastPosition(), then.lastRecordedAt(), state);
    }

    private static void condition(List<String> where, List<Object> values, String sql, Object value) {
        if (value != null) {
            where.add(sql);
            values.add(value);
        }
    }

    private String typeOf(String aggregateType) {
        String type = TYPES.get(aggregateType);
        if (type == null) {
            throw new InvalidQuery("aggregateType", "No such kind of record: " + aggregateType + "; one of "
                    + String.join(", ", TYPES.keySet()) + ".",
                    "Không có loại hồ sơ " + aggregateType + "; chọn một trong " + String.join(", ", TYPES.keySet())
                            + ".");
        }
        return type;
    }

    private Entry entry(ResultSet row) throws SQLException {
        String event = row.getString(5).substring(row.getString(5).lastIndexOf('$') + 1);
        JsonNode payload = read(row.getBytes(7));
        JsonNode metadata = read(row.getBytes(8));
        String user = text(metadata, "user");
        String by = user != null ? ", " + user : "";
        return new Entry(row.getLong(1), NAMES.getOrDefault(row.getString(2), row.getString(2)), row.getString(3),
                row.getLong(4), event, row.getString(6), EffectiveDates.declared(payload), user, text(metadata, "correlationId"),
                text(metadata, "trigger"), lines.render(event, payload, "vi") + by,
                lines.render(event, payload, "en") + by);
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
