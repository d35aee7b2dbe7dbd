package vn.ocop.infra.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.ocop.infra.Api;
import vn.ocop.infra.Http;
import vn.ocop.infra.Nodes;
import vn.ocop.infra.cli.AuditCommands;
import vn.ocop.query.audit.chain.SigningKey;

/**
 * The chain outlives the process that writes it: it continues after a restart and through a view's rebuild, the
 * key generated at first start beside the embedded database is kept, and with the service stopped the
 * command-line verifier needs only the database and the public key.
 */
class ChainAcrossRestartTest {

    @TempDir
    Path workingDirectory;

    @Test
    void theChainContinuesAcrossARestartAndARebuildAndVerifiesWithTheServiceStopped() throws Exception {
        Path dataDirectory = workingDirectory.resolve("data").resolve("postgres");
        String publicKey;
        long chainedBeforeRestart;
        try (ConfigurableApplicationContext first = node(dataDirectory)) {
            Api api = new Api(Nodes.base(first));
            api.approvedProduct(api.registerSubject(), "2024-03-01");
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            AuditChainTest.awaitChained(jdbc);
            chainedBeforeRestart = count(jdbc, "audit_chain");
            publicKey = Http.get(Nodes.base(first) + "/api/audit/chain/public-key").body();
        }
        assertThat(dataDirectory.resolveSibling("audit-signing-key.pem")).exists();

        Path export = workingDirectory.resolve("kept-checkpoints.json");
        try (ConfigurableApplicationContext second = node(dataDirectory)) {
            String base = Nodes.base(second);
            assertThat(Http.get(base + "/api/audit/chain/public-key").body()).isEqualTo(publicKey);
            Api api = new Api(base);
            api.approvedProduct(api.registerSubject(), "2024-04-01");
            assertThat(Http.postJson(base + "/api/admin/projections/register/rebuild", "").status()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                JsonNode status = Http.get(base + "/api/admin/projections/register/status").json();
                return status.get("caughtUp").asBoolean()
                        && status.get("position").asLong() >= status.get("head").asLong();
            });
            api.registerSubject();
            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
            AuditChainTest.awaitChained(jdbc);

            long events = count(jdbc, "domain_event_entry");
            assertThat(count(jdbc, "audit_chain")).isEqualTo(events).isGreaterThan(chainedBeforeRestart);
            JsonNode report = Http.get(base + "/api/audit/verification").json();
            assertThat(report.get("intact").asBoolean()).as(report.toString()).isTrue();
            assertThat(report.get("entriesChecked").asLong()).isEqualTo(events);
            Files.writeString(export, Http.get(base + "/api/audit/chain/checkpoints").body());
        }

        Path auditorsKey = workingDirectory.resolve("public-key.pem");
        Files.writeString(auditorsKey, publicKey);
        Path strangersKey = workingDirectory.resolve("stranger.pem");
        Files.writeString(strangersKey, SigningKey.generate().publicPem());
        try (EmbeddedPostgres database = EmbeddedPostgres.builder().setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false).start()) {
            String url = "--url=" + database.getJdbcUrl("postgres", "ocop");

            Run intact = verifyChain(url, "--user=postgres", "--public-key=" + auditorsKey);
            assertThat(intact.status()).as(intact.err()).isEqualTo(AuditCommands.INTACT);
            assertThat(intact.out()).contains("\"intact\" : true");

            Run withKept = verifyChain(url, "--user=postgres", "--public-key=" + auditorsKey, "--checkpoints=" + export);
            assertThat(withKept.status()).as(withKept.err()).isEqualTo(AuditCommands.INTACT);
            assertThat(withKept.out()).containsPattern("\"keptCheckpointsChecked\" : [1-9]");

            Run wrongKey = verifyChain(url, "--user=postgres", "--public-key=" + strangersKey);
            assertThat(wrongKey.status()).isEqualTo(AuditCommands.TAMPERED);
            assertThat(wrongKey.out()).contains("CHECKPOINT_UNKNOWN_KEY");

            assertThat(verifyChain(url, "--public-key=" + auditorsKey).status()).isEqualTo(AuditCommands.USAGE);
        }
    }

    private record Run(int status, String out, String err) {
    }

    private static Run verifyChain(String... options) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] args = new String[options.length + 1];
        args[0] = "verify-chain";
        System.arraycopy(options, 0, args, 1, options.length);
        int status = AuditCommands.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static ConfigurableApplicationContext node(Path dataDirectory) {
        return Nodes.embedded(dataDirectory, "--ocop.scheduler.enabled=false", "--ocop.audit.checkpoint-every=5");
    }

    private static long count(JdbcTemplate jdbc, String table) {
        Long count = jdbc.queryForObject("select count(*) from " + table, Long.class);
        return count == null ? 0 : count;
    }
}
