package vn.ocop.infra.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.axonframework.eventsourcing.Snapshotter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.ocop.infra.Api;
import vn.ocop.infra.Http;
import vn.ocop.infra.ServiceTest;

/**
 * A certified product loaded from its snapshot decides as it would from its events: its stage, its key-product
 * mark, its certificate and the evaluations already used all survive the snapshot.
 */
class ProductSnapshotTest extends ServiceTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Snapshotter snapshotter;

    @Test
    void aProductLoadedFromItsSnapshotKeepsItsStateAndItsRules() throws Exception {
        Api api = new Api(url(""));
        String product = api.productRecognisedOn20220601(api.registerSubject());
        String evaluationId = jdbc.queryForObject("""
                select convert_from(payload, 'UTF8')::jsonb ->> 'evaluationId' from domain_event_entry
                where aggregate_identifier = ? and payload_type like '%ProductRecognized'""", String.class, product);

        snapshotter.scheduleSnapshot(productClass(), product);
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "select count(*) from snapshot_event_entry where aggregate_identifier = ?", Long.class, product) > 0);
        assertThat(jdbc.queryForObject("select convert_from(payload, 'UTF8') from snapshot_event_entry "
                + "where aggregate_identifier = ?", String.class, product)).contains(product, evaluationId);

        api.accepted("/api/products/" + product + "/key-product",
                "{\"decision\": " + Api.decision("PROVINCE", "2022-07-01") + "}");
        Http.Response again = api.post("/api/products/" + product + "/key-product",
                "{\"decision\": " + Api.decision("PROVINCE", "2022-07-02") + "}");
        Http.Response recognisedTwice = api.post("/api/products/" + product + "/recognition",
                Api.recognition(evaluationId, 4, "PROVINCE", "2022-06-05"));

        assertThat(again.json().get("type").asText()).isEqualTo("urn:ocop:problem:already-key-product");
        assertThat(recognisedTwice.status()).isEqualTo(409);
        assertThat(recognisedTwice.json().get("type").asText())
                .isIn("urn:ocop:problem:evaluation-already-used", "urn:ocop:problem:certificate-in-force");
    }

    private static Class<?> productClass() throws ClassNotFoundException {
        return Class.forName("vn.ocop.command.product.Product");
    }
}
