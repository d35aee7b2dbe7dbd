package vn.ocop.query.common;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the event store knows of a record, for reads that must tell "not in the view yet" from "never recorded":
 * a read-your-writes wait for a record that has no event at all would wait for nothing.
 */
@Component
public class RecordedAggregates {

    private final JdbcTemplate jdbc;

    RecordedAggregates(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether any event of the record {@code aggregateId} is stored (an index look-up). */
    public boolean exists(String aggregateId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from domain_event_entry where aggregate_identifier = ?)", Boolean.class,
                aggregateId));
    }
}
