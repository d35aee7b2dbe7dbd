package vn.ocop.query.activity;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Recent changes, read from the event store newest first; no payloads, so no personal data. */
@RestController
class ActivityController {

    /**
     * One recorded change.
     *
     * @param position  the event's position in the store (page on with {@code before})
     * @param event     what happened, e.g. {@code ProductRecognized}
     * @param trigger   for changes a deadline caused, which one; else null
     */
    record Activity(long position, String event, String aggregateType, String aggregateId, long aggregateVersion,
                    String recordedAt, String user, String correlationId, String trigger) {
    }

    private final JdbcTemplate jdbc;

    ActivityController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/api/activity")
    List<Activity> activity(@RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit,
                            @RequestParam(required = false) @Min(1) Long before) {
        return jdbc.query("""
                select global_index, payload_type, type, aggregate_identifier, sequence_number, time_stamp,
                       convert_from(meta_data, 'UTF8')::json ->> 'user',
                       convert_from(meta_data, 'UTF8')::json ->> 'correlationId',
                       convert_from(meta_data, 'UTF8')::json ->> 'trigger'
                from domain_event_entry where global_index < ? order by global_index desc limit ?""",
                (row, n) -> new Activity(row.getLong(1), simpleName(row.getString(2)), row.getString(3),
                        row.getString(4), row.getLong(5), row.getString(6), row.getString(7), row.getString(8),
                        row.getString(9)),
                before == null ? Long.MAX_VALUE : before, limit);
    }

    private static String simpleName(String payloadType) {
        return payloadType.substring(Math.max(payloadType.lastIndexOf('$'), payloadType.lastIndexOf('.')) + 1);
    }
}
