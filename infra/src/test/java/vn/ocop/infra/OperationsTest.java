package vn.ocop.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
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
        assertThat(Http.get(url("/swagger-ui/index.html")).status()).isEqualTo(200);
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
