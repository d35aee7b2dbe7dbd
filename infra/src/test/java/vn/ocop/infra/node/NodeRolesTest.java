package vn.ocop.infra.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.Scheduler;
import java.time.Duration;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import vn.ocop.command.common.CommandExecutor;
import vn.ocop.infra.Api;
import vn.ocop.infra.Http;
import vn.ocop.infra.Nodes;
import vn.ocop.infra.Subjects;
import vn.ocop.query.common.ReadYourWrites;
import vn.ocop.query.audit.chain.ChainProcessor;
import vn.ocop.query.common.ViewsProcessor;

/**
 * One jar, roles by configuration: a command node takes commands and fires deadlines but runs no projection
 * and serves no view; a query node keeps and serves the views but takes no command. Each answers a request for
 * the other side with 421 and a problem naming its role.
 */
class NodeRolesTest {

    @Test
    void aCommandNodeAndAQueryNodeEachRunTheirSideOnly() {
        try (ConfigurableApplicationContext command = Nodes.start("--ocop.node.roles=command",
                "--ocop.scheduler.enabled=true");
             ConfigurableApplicationContext query = Nodes.start("--ocop.node.roles=query",
                     "--ocop.scheduler.enabled=true")) {
            assertThat(command.getBean(EventProcessingConfiguration.class).eventProcessors())
                    .as("a command node claims no segment").isEmpty();
            assertThat(query.getBean(EventProcessingConfiguration.class).eventProcessors())
                    .containsOnlyKeys(ViewsProcessor.NAME, ChainProcessor.NAME);
            assertThat(command.getBeansOfType(ReadYourWrites.class)).isEmpty();
            assertThat(query.getBeansOfType(CommandExecutor.class)).isEmpty();
            assertThat(command.getBean(Scheduler.class).getSchedulerState().isStarted())
                    .as("a command node fires deadlines").isTrue();
            assertThat(query.getBean(Scheduler.class).getSchedulerState().isStarted())
                    .as("a query node does not, even when told to").isFalse();

            String subject = new Api(Nodes.base(command)).registerSubject();
            await().atMost(Duration.ofSeconds(20)).until(() ->
                    Http.get(Nodes.base(query) + "/api/subjects/" + subject).status() == 200);

            Http.Response commandToQueryNode = Http.post(Nodes.base(query) + "/api/subjects", "application/json",
                    Subjects.registration(Subjects.uniqueRegistrationNumber()), Map.of());
            assertThat(commandToQueryNode.status()).isEqualTo(421);
            assertThat(commandToQueryNode.json().get("type").asText())
                    .isEqualTo("urn:ocop:problem:not-served-by-this-node");
            assertThat(commandToQueryNode.json().get("detail").asText()).contains("query");
            Http.Response readFromCommandNode = Http.get(Nodes.base(command) + "/api/subjects/" + subject);
            assertThat(readFromCommandNode.status()).isEqualTo(421);
            assertThat(readFromCommandNode.json().get("detail").asText()).contains("command");

            // what every node serves: its accounts and its health
            assertThat(Http.get(Nodes.base(command) + "/api/account").status()).isEqualTo(200);
            assertThat(Http.get(Nodes.base(query) + "/api/account").status()).isEqualTo(200);
            assertThat(Http.get(Nodes.base(command) + "/actuator/info").json().get("roles").toString())
                    .isEqualTo("[\"COMMAND\"]");
        }
    }
}
