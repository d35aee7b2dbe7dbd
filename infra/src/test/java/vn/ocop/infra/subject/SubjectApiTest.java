package vn.ocop.infra.subject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.ocop.infra.Http;
import vn.ocop.infra.ListPages;
import vn.ocop.infra.ServiceTest;
import vn.ocop.infra.Subjects;

class SubjectApiTest extends ServiceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aRegisteredSubjectIsReturnedByTheQueryApi() {
        String number = Subjects.uniqueRegistrationNumber();

        Http.Response registered = Http.postJson(url("/api/subjects"), Subjects.registration(number));

        assertThat(registered.status()).isEqualTo(201);
        String id = registered.json().get("id").asText();
        assertThat(registered.json().get("version").asLong()).isZero();
        assertThat(registered.header("ETag")).isEqualTo("\"0\"");
        assertThat(registered.header("Location")).isEqualTo("/api/subjects/" + id);

        Http.Response read = await().atMost(Duration.ofSeconds(10))
                .until(() -> Http.get(url("/api/subjects/" + id)), response -> response.status() == 200);
        JsonNode subject = read.json();
        assertThat(subject.get("id").asText()).isEqualTo(id);
        assertThat(subject.get("legalForm").asText()).isEqualTo("COOPERATIVE");
        assertThat(subject.get("name").asText()).isEqualTo("Hợp tác xã Sâm Ngọc Linh Tu Mơ Rông");
        assertThat(subject.get("registrationNumber").asText()).isEqualTo(number);
        assertThat(subject.get("communeCode").asText()).isEqualTo("23374");
        assertThat(subject.at("/representative/fullName").asText()).isEqualTo("Nguyễn Thị Hồng");
        assertThat(subject.at("/representative/position").asText()).isEqualTo("Giám đốc");
        assertThat(subject.at("/representative/phone").asText()).isEqualTo("0905 123 456");
        assertThat(read.header("ETag")).isEqualTo("\"0\"");
    }

    @Test
    void theStoredEventCarriesTheRequestsCorrelationAndNoPersonalDataInClear() throws Exception {
        Http.Response registered = Http.post(url("/api/subjects"), "application/json",
                Subjects.registration(Subjects.uniqueRegistrationNumber()),
                Map.of("X-Correlation-Id", "kontum-import-0042"));
        String id = registered.json().get("id").asText();
        assertThat(registered.header("X-Correlation-Id")).isEqualTo("kontum-import-0042");

        Map<String, Object> stored = jdbc.queryForMap("""
                select payload_type, payload_revision, sequence_number, type, payload, meta_data
                from domain_event_entry where aggregate_identifier = ?""", id);

        assertThat(stored.get("payload_type")).isEqualTo("vn.ocop.events.subject.SubjectEvent$SubjectRegistered");
        assertThat(stored.get("payload_revision")).isEqualTo("1");
        assertThat(stored.get("sequence_number")).isEqualTo(0L);
        assertThat(stored.get("type")).isEqualTo("Subject");
        JsonNode metadata = JSON.readTree((byte[]) stored.get("meta_data"));
        assertThat(metadata.get("correlationId").asText()).isEqualTo("kontum-import-0042");
        assertThat(metadata.get("causationId").asText()).isNotBlank();
        assertThat(metadata.get("traceId").asText()).isNotBlank();
        String payload = new String((byte[]) stored.get("payload"), StandardCharsets.UTF_8);
        assertThat(payload).contains("Hợp tác xã Sâm Ngọc Linh Tu Mơ Rông")
                .doesNotContain("Nguyễn Thị Hồng")
                .doesNotContain("0905 123 456");
    }

    @Test
    void aSecondSubjectWithTheSameRegistrationNumberIsAConflictAndAppendsNothing() {
        String number = Subjects.uniqueRegistrationNumber();
        assertThat(Http.postJson(url("/api/subjects"), Subjects.registration(number)).status()).isEqualTo(201);
        long eventsBefore = eventCount();
        long keysBefore = keyCount();

        Http.Response again = Http.postJson(url("/api/subjects"),
                Subjects.registration(number.substring(0, 4) + "-" + number.substring(4)));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(again.json().get("type").asText()).isEqualTo("urn:ocop:problem:duplicate-registration-number");
        assertThat(again.json().at("/errors/0/field").asText()).isEqualTo("registrationNumber");
        assertThat(eventCount()).isEqualTo(eventsBefore);
        assertThat(keyCount()).as("the refused subject's personal-data key went with its transaction")
                .isEqualTo(keysBefore);
    }

    private long keyCount() {
        return jdbc.queryForObject("select count(*) from personal_data_key", Long.class);
    }

    @Test
    void subjectsAreFoundWithoutDiacriticsAndShowTheirProducts() {
        vn.ocop.infra.Api api = new vn.ocop.infra.Api(url(""));
        String number = Subjects.uniqueRegistrationNumber();
        JsonNode registered = api.accepted("/api/subjects", Subjects.registration(number));
        String id = registered.get("id").asText();
        JsonNode product = api.accepted("/api/products", """
                {"subjectId": "%s", "name": "Sâm Ngọc Linh", "groupCode": "III", "criteriaSetCode": "18",
                 "communeCode": "23374", "registeredOn": "2024-03-01"}""".formatted(id));
        Http.get(url("/api/products/" + product.get("id").asText() + "?minVersion=0"));
        Http.get(url("/api/subjects/" + id + "?minVersion=0"));

        JsonNode found = Http.get(url("/api/subjects?q=hop+tac+xa+sam+ngoc+linh+tu+mo+rong+" + number)).json();
        JsonNode portfolio = Http.get(url("/api/subjects/" + id + "/portfolio")).json();

        assertThat(found.get("total").asLong()).isEqualTo(1);
        assertThat(found.at("/items/0/id").asText()).isEqualTo(id);
        assertThat(found.toString()).doesNotContain("Nguyễn Thị Hồng").doesNotContain("0905");
        assertThat(portfolio.at("/products/0/productId").asText()).isEqualTo(product.get("id").asText());
        assertThat(portfolio.at("/products/0/stage").asText()).isEqualTo("IDEA_REGISTERED");
        assertThat(portfolio.at("/support/grants").asLong()).isZero();
        assertThat(Http.get(url("/api/subjects/00000000-0000-0000-0000-000000000000/portfolio")).status())
                .isEqualTo(404);
    }

    /** The subjects' list, page after page, holds each subject it matches once, in order by name. */
    @Test
    void theSubjectsListPagesFollowEachOtherByName() {
        vn.ocop.infra.Api api = new vn.ocop.infra.Api(url(""));
        api.registerSubject();
        String last = api.registerSubject(); // the same name: the order goes on by subject
        Http.get(url("/api/subjects/" + last + "?minVersion=0"));
        Map<String, String> lists = Map.of("/api/subjects", "true",
                "/api/subjects?legalForm=COOPERATIVE&standing=ACTIVE",
                "legal_form = 'COOPERATIVE' and standing = 'ACTIVE'");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> lists.forEach((path, condition) -> {
            List<String> expected = jdbc.queryForList("select subject_id from subject_view where " + condition
                    + " order by search_text, subject_id", String.class);
            assertThat(expected).as(path).hasSizeGreaterThan(1);
            assertThat(ListPages.ids(p -> Http.get(url(p)), path, "id", 50, expected.size())).as(path)
                    .containsExactlyElementsOf(expected);
        }));
    }

    @Test
    void anUnknownSubjectIsANotFoundProblem() {
        Http.Response missing = Http.get(url("/api/subjects/00000000-0000-0000-0000-000000000000"));

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(missing.json().get("type").asText()).isEqualTo("urn:ocop:problem:not-found");
    }

    private long eventCount() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }
}
