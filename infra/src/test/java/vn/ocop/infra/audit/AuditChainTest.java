package vn.ocop.infra.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.ocop.infra.Api;
import vn.ocop.infra.Http;
import vn.ocop.infra.ServiceTest;
import vn.ocop.query.audit.chain.Checkpoint;
import vn.ocop.query.audit.chain.SigningKey;

/** Every stored event is chained, checkpoints are signed, and the verifier and the export tell the truth. */
class AuditChainTest extends ServiceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyStoredEventIsChainedInOneStrictOrderAndTheChainVerifies() {
        Api api = new Api(url(""));
        api.approvedProduct(api.registerSubject(), "2024-01-10");
        awaitChained(jdbc);

        JsonNode report = Http.get(url("/api/audit/verification")).json();
        assertThat(report.get("intact").asBoolean()).as(report.toString()).isTrue();
        Long events = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        assertThat(report.get("entriesChecked").asLong()).isEqualTo(events);
        assertThat(report.get("lastPosition").asLong())
                .isEqualTo(jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class));
        assertThat(report.get("checkpointsChecked").asLong()).isPositive();
        assertThat(jdbc.queryForObject("select count(*) from token_entry where processor_name = 'audit-chain'",
                Long.class)).isEqualTo(1);
    }

    @Test
    void anExportKeptElsewhereVerifiesTheHistoryAndForgedCheckpointsAreCaught() throws Exception {
        Api api = new Api(url(""));
        api.approvedProduct(api.registerSubject(), "2024-02-10");
        awaitChained(jdbc);
        Http.Response exported = Http.get(url("/api/audit/chain/checkpoints"));
        assertThat(exported.header("Content-Disposition")).contains("attachment", "ocop-audit-checkpoints-");
        JsonNode export = exported.json();
        assertThat(export.get("publicKey").asText()).isEqualTo(Http.get(url("/api/audit/chain/public-key")).body());
        assertThat(export.get("checkpoints")).isNotEmpty();

        JsonNode kept = verifyAgainst(export);
        assertThat(kept.get("intact").asBoolean()).as(kept.toString()).isTrue();
        assertThat(kept.get("keptCheckpointsChecked").asLong()).isEqualTo(export.get("checkpoints").size());

        ObjectNode altered = export.deepCopy();
        ObjectNode first = (ObjectNode) altered.get("checkpoints").get(0);
        first.put("hash", "00".repeat(32));
        JsonNode forged = verifyAgainst(altered);
        assertThat(forged.get("intact").asBoolean()).isFalse();
        assertThat(forged.at("/failure/problem").asText()).isEqualTo("CHECKPOINT_SIGNATURE_INVALID");
        assertThat(forged.at("/failure/position").asLong()).isEqualTo(first.get("position").asLong());

        SigningKey stranger = SigningKey.generate();
        JsonNode genuine = export.get("checkpoints").get(0);
        Instant signedAt = Instant.parse(genuine.get("signedAt").asText());
        byte[] hash = HexFormat.of().parseHex(genuine.get("hash").asText());
        ObjectNode foreign = export.deepCopy();
        ((ObjectNode) foreign.get("checkpoints").get(0)).put("keyId", stranger.keyId()).put("signature",
                Base64.getEncoder().encodeToString(stranger.sign(Checkpoint.signedBytes(
                        genuine.get("sequence").asLong(), genuine.get("position").asLong(), hash, signedAt))));
        JsonNode unknown = verifyAgainst(foreign);
        assertThat(unknown.at("/failure/problem").asText()).isEqualTo("CHECKPOINT_UNKNOWN_KEY");
    }

    @Test
    void theChainIsNeverRebuiltNorChanged() {
        Http.Response rebuild = Http.postJson(url("/api/admin/projections/audit-chain/rebuild"), "");
        assertThat(rebuild.status()).isEqualTo(400);
        assertThat(rebuild.json().at("/errors/0/message").asText()).contains("append-only");

        Api api = new Api(url(""));
        api.approvedProduct(api.registerSubject(), "2024-03-10");
        awaitChained(jdbc);
        assertThatThrownBy(() -> jdbc.update("update audit_chain set hash = hash where sequence = 1"))
                .rootCause().hasMessageContaining("immutable");
        assertThatThrownBy(() -> jdbc.update("delete from audit_chain where sequence = 1"))
                .rootCause().hasMessageContaining("immutable");
        assertThatThrownBy(() -> jdbc.update("update audit_checkpoint set signature = signature"))
                .rootCause().hasMessageContaining("immutable");
        assertThatThrownBy(() -> jdbc.execute("truncate audit_checkpoint")).rootCause()
                .hasMessageContaining("immutable");
    }

    private JsonNode verifyAgainst(JsonNode export) throws Exception {
        Http.Response response = Http.request("POST", url("/api/audit/verification"), "application/json",
                JSON.writeValueAsString(export), Map.of());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    /** Waits until the chain has reached every stored event. */
    static void awaitChained(JdbcTemplate jdbc) {
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject("""
                    select count(*) from domain_event_entry e
                    where not exists (select 1 from audit_chain c where c.position = e.global_index)""", Long.class) == 0);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("unchained: " + jdbc.queryForList("""
                    select global_index, time_stamp, payload_type from domain_event_entry e
                    where not exists (select 1 from audit_chain c where c.position = e.global_index)
                    order by global_index limit 5""") + " head " + jdbc.queryForList(
                    "select * from audit_chain order by sequence desc limit 2") + " tokens " + jdbc.queryForList(
                    "select owner, timestamp, convert_from(token, 'UTF8') from token_entry where processor_name = 'audit-chain'"), e);
        }
    }
}
