package vn.ocop.infra.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.ocop.events.common.PersonalDataVault;
import vn.ocop.infra.Http;
import vn.ocop.infra.ServiceTest;
import vn.ocop.reference.AdministrativeUnits;

/**
 * The generator writes histories the service reads as its own: contiguous per record, under the generator's
 * name, taken up by the views like any recorded event, and at least as many events as asked. (Its rate at two
 * million events is measured by the command in the README, not here.)
 */
class SyntheticHistoriesTest extends ServiceTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    @Qualifier("eventSerializer")
    Serializer serializer;

    @Autowired
    PersonalDataVault vault;

    @Autowired
    AdministrativeUnits units;

    @Test
    void generatedHistoriesAreStoredAsTheServiceStoresEventsAndTheViewsTakeThemUp() {
        long before = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        SyntheticHistories.Result result = new SyntheticHistories(serializer, jdbc, vault, units, 30).generate(600, 7);

        assertThat(result.events()).isGreaterThanOrEqualTo(600);
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry", Long.class) - before)
                .isEqualTo(result.events());
        assertThat(jdbc.queryForObject("""
                select count(*) from domain_event_entry
                where convert_from(meta_data, 'UTF8')::jsonb ->> 'user' = ?""", Long.class, SyntheticHistories.ACTOR))
                .isGreaterThanOrEqualTo(result.events());
        assertThat(jdbc.queryForObject("""
                select count(*) from (select aggregate_identifier from domain_event_entry
                                      group by aggregate_identifier
                                      having max(sequence_number) + 1 <> count(*) or min(sequence_number) <> 0) gaps""",
                Long.class)).as("every record's sequence is contiguous from 0").isZero();
        List<String> types = jdbc.queryForList("""
                select distinct substring(payload_type from '[^$.]+$') from domain_event_entry
                where convert_from(meta_data, 'UTF8')::jsonb ->> 'user' = ?""", String.class, SyntheticHistories.ACTOR);
        assertThat(types).contains("SubjectRegistered", "ProductIdeaRegistered", "BusinessPlanApproved",
                "ProductEvaluated", "ProductRecognized", "ProductUpgraded", "ProductReRecognized");

        String recognised = jdbc.queryForObject("""
                select aggregate_identifier from domain_event_entry
                where payload_type like '%$ProductRecognized'
                  and convert_from(meta_data, 'UTF8')::jsonb ->> 'user' = ? limit 1""", String.class,
                SyntheticHistories.ACTOR);
        // the register as of the product's last event: its events may reach the view over more than one batch
        long last = jdbc.queryForObject("select max(sequence_number) from domain_event_entry "
                + "where aggregate_identifier = ?", Long.class, recognised);
        JsonNode entry = Awaitility.await().atMost(Duration.ofSeconds(30)).until(
                () -> Http.get(url("/api/products/" + recognised + "?minVersion=" + last)),
                found -> found.status() == 200).json();
        assertThat(entry.get("stars").asInt()).isBetween(3, 4);
    }
}
