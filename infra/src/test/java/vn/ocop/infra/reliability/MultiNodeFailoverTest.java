package vn.ocop.infra.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;
import vn.ocop.infra.Api;
import vn.ocop.infra.Reliability;
import vn.ocop.infra.Http;
import vn.ocop.infra.StoredEvents;

/**
 * Four processes on one PostgreSQL — two full nodes, one with the command role only, one with the query role
 * only — take commands on any command-capable node. The full node that started first (and so holds the
 * projections' segments and is firing deadlines) is killed mid-load: the surviving nodes take over its segments
 * once its claims time out, the requests it dropped succeed elsewhere under the same keys, no view row is
 * duplicated or lost, and every certificate deadline fires exactly once.
 */
class MultiNodeFailoverTest {

    private static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(5);

    @Test
    void killingANodeHandsItsSegmentsAndDeadlinesToTheOthers() throws Exception {
        Path directory = Paths.get("target", "reliability", "multi-node-database");
        FileSystemUtils.deleteRecursively(directory);
        String[] common = {"--axon.eventhandling.tokenstore.claim-timeout=" + CLAIM_TIMEOUT.toSeconds() + "s",
                "--ocop.scheduler.heartbeat-interval=1s"};
        try (FaultDatabase database = new FaultDatabase(directory);
             ServiceProcess a = new ServiceProcess("node-a-full", database.url(), common);
             ServiceProcess b = new ServiceProcess("node-b-full", database.url(), common);
             ServiceProcess c = new ServiceProcess("node-c-command", database.url(),
                     with(common, "--ocop.node.roles=command"));
             ServiceProcess d = new ServiceProcess("node-d-query", database.url(),
                     with(common, "--ocop.node.roles=query"))) {
            a.start();
            CompletableFuture.allOf(CompletableFuture.runAsync(b::start), CompletableFuture.runAsync(c::start),
                    CompletableFuture.runAsync(d::start)).join();
            JdbcTemplate jdbc = database.jdbc();
            int segments = await().atMost(Duration.ofSeconds(60)).until(() -> owned(jdbc, Set.of()), n -> n > 0);
            assertThat(owners(jdbc)).as("the command-only node claims no segment")
                    .noneMatch(owner -> owner.startsWith(c.pid() + "@"));
            assertThat(owners(jdbc)).as("the first full node holds segments").anyMatch(owner ->
                    owner.startsWith(a.pid() + "@"));

            List<String> live = new CopyOnWriteArrayList<>(List.of(a.base(), b.base(), c.base()));
            CommandLoad load = new CommandLoad(() -> List.copyOf(live));
            load.start(6);
            Set<String> certified = new HashSet<>();
            List<String> products = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                products.add(certificateWithDeadlinesDue(new Api(a.base()), certified));
            }
            ServiceProcess.sleep(500);

            Instant killed = Instant.now();
            a.kill();
            live.remove(a.base());
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .until(() -> owned(jdbc, Set.of(a.pid() + "@")) == segments);
            Duration failover = Duration.between(killed, Instant.now());

            ServiceProcess.sleep(2000);
            load.stop();
            load.settle(Duration.ofMinutes(1));

            StoreInvariants.Figures figures = StoreInvariants.check(load, jdbc, certified);
            StoreInvariants.viewsAndChainConverge(d.base(), jdbc);
            await().atMost(Duration.ofSeconds(60)).until(() -> products.stream().allMatch(product ->
                    StoredEvents.typesOf(jdbc, product).contains("CertificateExpired")));
            ServiceProcess.sleep(2000); // more polling rounds on both command nodes: nothing fires twice
            for (String product : products) {
                List<String> types = StoredEvents.typesOf(jdbc, product);
                assertThat(Collections.frequency(types, "RenewalNoticeDue")).as(product).isEqualTo(1);
                assertThat(Collections.frequency(types, "CertificateExpired")).as(product).isEqualTo(1);
            }
            assertThat(failover).as("segments taken over within the claim timeout and a claim round")
                    .isLessThan(CLAIM_TIMEOUT.plusSeconds(15));
            Reliability.record("kill -9 of one of four nodes (2 full, 1 command, 1 query): " + figures
                    + " segments=" + segments + " taken over after=" + failover
                    + " requests answered by another node after the kill="
                    + load.attempts().stream().filter(attempt -> attempt.at().isAfter(killed)
                            && attempt.outcome() == CommandLoad.Outcome.ACKNOWLEDGED).count());
        }
    }

    /** Segments of every processor with a live owner that is none of {@code excluded} (owner prefixes). */
    private static int owned(JdbcTemplate jdbc, Set<String> excluded) {
        List<Map<String, Object>> rows = jdbc.queryForList("select owner from token_entry");
        if (rows.stream().anyMatch(row -> row.get("owner") == null || excluded.stream()
                .anyMatch(prefix -> ((String) row.get("owner")).startsWith(prefix)))) {
            return -1;
        }
        return rows.size();
    }

    private static List<String> owners(JdbcTemplate jdbc) {
        return jdbc.queryForList("select distinct owner from token_entry where owner is not null", String.class);
    }

    private static String[] with(String[] common, String more) {
        List<String> all = new ArrayList<>(List.of(common));
        all.add(more);
        return all.toArray(String[]::new);
    }

    /** A certificate whose deadlines are due at once; its subject and product are made outside the load. */
    private static String certificateWithDeadlinesDue(Api api, Set<String> records) {
        String subject = api.registerSubject();
        String product = api.productRecognisedOn20220601(subject);
        records.add(subject);
        records.add(product);
        return product;
    }
}
