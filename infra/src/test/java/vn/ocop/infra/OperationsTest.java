package vn.ocop.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** What operators and integrators rely on: health probes, metrics, the API description, the database used. */
class OperationsTest extends ServiceTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    DataSource dataSource;

    @Test
    void healthAndBothProbesAreUp() {
        assertThat(Http.get(url("/actuator/health")).json().get("status").asText()).isEqualTo("UP");
        assertThat(Http.get(url("/actuator/health/liveness")).json().get("status").asText()).isEqualTo("UP");
        assertThat(Http.get(url("/actuator/health/readiness")).json().get("status").asText()).isEqualTo("UP");
    }

    @Test
    void theApiDescriptionDescribesTheSubjectEndpoints() {
        JsonNode api = Http.get(url("/v3/api-docs")).json();

        assertThat(api.get("openapi").asText()).startsWith("3.");
        assertThat(api.at("/paths/~1api~1subjects/post/requestBody").isMissingNode()).isFalse();
        assertThat(api.at("/paths/~1api~1subjects~1{id}/get").isMissingNode()).isFalse();
        assertThat(api.at("/components/securitySchemes/basic/scheme").asText()).isEqualTo("basic");
        assertThat(api.at("/components/securitySchemes/bearer/bearerFormat").asText()).isEqualTo("JWT");
        assertThat(api.at("/paths/~1public~1products/get/security")).isEmpty();
        assertThat(api.at("/paths/~1api~1subjects/post/responses/401").isMissingNode()).isFalse();
        // the dashboards' answers written beforehand are described as what they hold
        assertThat(api.at("/paths/~1api~1dashboard~1districts/get/responses/200/content/*~1*/schema/items/$ref")
                .asText()).isEqualTo("#/components/schemas/DistrictFigures");
        assertThat(api.at("/paths/~1api~1dashboard~1overview/get/responses/200/content/*~1*/schema/$ref").asText())
                .isEqualTo("#/components/schemas/Overview");
        assertThat(Http.get(url("/swagger-ui/index.html")).status()).isEqualTo(200);
    }

    @Test
    void theApiDescriptionListsEveryCommandWithItsRequestSchemaAndProblemTypes() {
        JsonNode api = Http.get(url("/v3/api-docs")).json();
        List<String> commands = List.of(
                "post /api/subjects", "patch /api/subjects/{id}", "post /api/subjects/{id}/status",
                "post /api/products", "post /api/products/{id}/idea-decision", "post /api/products/{id}/business-plan",
                "post /api/products/{id}/business-plan/decision", "post /api/products/{id}/evaluations",
                "post /api/products/{id}/forwarding", "post /api/products/{id}/national-nomination",
                "post /api/products/{id}/recognition", "post /api/products/{id}/certificate/re-evaluation-dossier",
                "post /api/products/{id}/certificate/revocation", "post /api/products/{id}/provincial-promotion",
                "post /api/products/{id}/key-product",
                "post /api/budgets", "patch /api/budgets/{id}", "post /api/budgets/{id}/closure",
                "post /api/support-grants", "post /api/support-grants/{id}/disbursements",
                "post /api/support-grants/{id}/cancellation", "post /api/support-grants/{id}/closure",
                "post /api/programme-plans", "patch /api/programme-plans/{id}",
                "post /api/programme-plans/{id}/planned-products",
                "post /api/programme-plans/{id}/planned-products/{plannedProductId}/link");

        for (String command : commands) {
            String method = command.substring(0, command.indexOf(' '));
            String path = command.substring(command.indexOf(' ') + 1);
            JsonNode operation = api.path("paths").path(path).path(method);
            assertThat(operation.isMissingNode()).as(command).isFalse();
            assertThat(operation.at("/requestBody/content/application~1json/schema/$ref").asText())
                    .as(command + " request schema").startsWith("#/components/schemas/");
            for (String status : List.of("400", "409", "422")) {
                assertThat(operation.at("/responses/" + status + "/content/application~1problem+json/schema/$ref")
                        .asText()).as(command + " " + status).isEqualTo("#/components/schemas/Problem");
            }
            assertThat(operation.at("/responses/422/description").asText()).contains("`");
        }
        assertThat(api.at("/paths/~1api~1products~1{id}~1recognition/post/responses/412").isMissingNode()).isFalse();
        List<String> types = new java.util.ArrayList<>();
        api.at("/components/schemas/Problem/properties/type/enum").forEach(type -> types.add(type.asText()));
        assertThat(types).contains("urn:ocop:problem:recognition-authority-mismatch",
                "urn:ocop:problem:part-score-above-maximum", "urn:ocop:problem:stale-version",
                "urn:ocop:problem:unknown-field", "urn:ocop:problem:idempotency-key-reused");
        assertThat(types).hasSize(vn.ocop.command.common.ProblemType.values().length
                + vn.ocop.infra.web.WebProblem.values().length);
    }

    @Test
    void theActivityFeedShowsTheLatestChangeFirstWithoutPayloads() {
        Http.postJson(url("/api/subjects"), Subjects.registration(Subjects.uniqueRegistrationNumber()));
        String id = Http.postJson(url("/api/subjects"), Subjects.registration(Subjects.uniqueRegistrationNumber()))
                .json().get("id").asText();

        JsonNode feed = Http.get(url("/api/activity?limit=5")).json();

        assertThat(feed.get(0).get("aggregateId").asText()).isEqualTo(id);
        assertThat(feed.get(0).get("event").asText()).isEqualTo("SubjectRegistered");
        assertThat(feed.get(0).get("user").asText()).isEqualTo(TestAccounts.administrator().username());
        assertThat(feed.get(1).get("position").asLong()).isLessThan(feed.get(0).get("position").asLong());
        assertThat(feed.toString()).doesNotContain("Nguyễn Thị Hồng");
        JsonNode older = Http.get(url("/api/activity?limit=1&before=" + feed.get(0).get("position").asLong())).json();
        assertThat(older.get(0).get("position").asLong()).isEqualTo(feed.get(1).get("position").asLong());
    }

    @Test
    void prometheusExposesAxonAndHttpMetrics() {
        Http.postJson(url("/api/subjects"), Subjects.registration(Subjects.uniqueRegistrationNumber()));

        String metrics = Http.get(url("/actuator/prometheus")).body();

        assertThat(metrics).contains("commandBus_allTimer_seconds_count{")
                .contains("payloadType=\"RegisterSubjectCommand\"")
                .contains("http_server_requests_seconds_count{");
    }

    @Test
    void aConfiguredDataSourceUrlIsUsedAndNoEmbeddedDatabaseStarts() {
        assertThat(context.getBeanProvider(EmbeddedPostgres.class).getIfAvailable()).isNull();
        assertThat(((HikariDataSource) dataSource).getJdbcUrl()).isEqualTo(TestDatabase.get().url());
    }
}
