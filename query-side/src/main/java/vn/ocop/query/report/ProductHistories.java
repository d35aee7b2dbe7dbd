package vn.ocop.query.report;

import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.ocop.events.product.ProductEvent;

/** Every product's certificate timeline, folded from the stored product events in their order. */
@Component
class ProductHistories {

    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    ProductHistories(JdbcTemplate jdbc, Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    Map<String, CertificateTimeline> all() {
        Map<String, CertificateTimeline> timelines = new LinkedHashMap<>();
        jdbc.query("""
                select aggregate_identifier, payload_type, payload_revision, payload from domain_event_entry
                where payload_type like 'vn.ocop.events.product.ProductEvent$%' order by global_index""",
                row -> {
                    ProductEvent event = serializer.deserialize(new SimpleSerializedObject<>(row.getBytes(4),
                            byte[].class, new SimpleSerializedType(row.getString(2), row.getString(3))));
                    timelines.computeIfAbsent(row.getString(1), id -> new CertificateTimeline()).apply(event);
                });
        return timelines;
    }
}
