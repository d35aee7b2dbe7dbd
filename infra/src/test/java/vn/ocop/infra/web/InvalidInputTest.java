package vn.ocop.infra.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.ocop.infra.Http;
import vn.ocop.infra.ServiceTest;

/** Whatever is wrong with a request, the answer is a 4xx problem and nothing is written. */
class InvalidInputTest extends ServiceTest {

    private static final String VALID = """
            {"legalForm": "ENTERPRISE", "name": "Công ty TNHH Trà Măng Đen", "registrationNumber": "6100999001",
             "communeCode": "23500", "representative": {"fullName": "Trần Văn A", "phone": "0260 3862 111"}}""";

    @Autowired
    JdbcTemplate jdbc;

    static Stream<Arguments> badRequests() {
        return Stream.of(
                bad("an empty object", "{}", 400, "invalid-field", "legalForm"),
                bad("a missing name", VALID.replace("\"name\": \"Công ty TNHH Trà Măng Đen\", ", ""),
                        400, "invalid-field", "name"),
                bad("a blank name", VALID.replace("Công ty TNHH Trà Măng Đen", "  "), 400, "invalid-field", "name"),
                bad("a missing representative's name",
                        VALID.replace("\"fullName\": \"Trần Văn A\", ", ""), 400, "invalid-field",
                        "representative.fullName"),
                bad("a commune code that is not five digits", VALID.replace("23500", "235"), 400, "invalid-field",
                        "communeCode"),
                bad("a malformed phone number", VALID.replace("0260 3862 111", "call me"), 400, "invalid-field",
                        "representative.phone"),
                bad("an unknown field", VALID.replace("{\"legalForm\"", "{\"stars\": 5, \"legalForm\""), 400,
                        "unknown-field", "stars"),
                bad("an unknown nested field", VALID.replace("\"fullName\"", "\"nickname\": \"A\", \"fullName\""),
                        400, "unknown-field", "representative.nickname"),
                bad("an unknown legal form", VALID.replace("ENTERPRISE", "PARTNERSHIP"), 400,
                        "invalid-field-type", "legalForm"),
                bad("a number for a legal form", VALID.replace("\"ENTERPRISE\"", "1"), 400,
                        "invalid-field-type", "legalForm"),
                bad("a number for a name", VALID.replace("\"Công ty TNHH Trà Măng Đen\"", "42"), 400,
                        "invalid-field-type", "name"),
                bad("a string for the representative", VALID.replaceAll("\\{\"fullName.*}}", "\"Trần Văn A\"}"),
                        400, "invalid-field-type", "representative"),
                bad("an array for the body", "[" + VALID + "]", 400, "invalid-field-type", null),
                bad("malformed JSON", VALID.substring(0, 40), 400, "malformed-json", null),
                bad("an empty body", "", 400, "unreadable-body", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void isRefusedWithAProblemAndWritesNothing(String what, String body, int status, String type, String field) {
        assertRefusedWithoutWrites("/api/subjects", body, status, type, field);
    }

    private void assertRefusedWithoutWrites(String path, String body, int status, String type, String field) {
        long before = writes();

        Http.Response response = Http.postJson(url(path), body);

        assertThat(response.status()).isEqualTo(status);
        assertProblem(response, type);
        if (field != null) {
            assertThat(response.json().get("errors")).extracting(JsonNode::toString).asString().contains(
                    "\"field\":\"" + field + "\"");
        }
        assertThat(writes()).isEqualTo(before);
    }

    static Stream<Arguments> badProductCommands() {
        String decision = "{\"number\": \"12/QĐ-UBND\", \"date\": \"2024-05-10\", \"issuer\": \"UBND tỉnh\", "
                + "\"level\": \"PROVINCE\"}";
        return Stream.of(
                bad("a recognition below three stars", "/recognition",
                        "{\"evaluationId\": \"e\", \"stars\": 2, \"decision\": " + decision + "}",
                        400, "invalid-field", "stars"),
                bad("stars given as text", "/recognition",
                        "{\"evaluationId\": \"e\", \"stars\": \"4\", \"decision\": " + decision + "}",
                        400, "invalid-field-type", "stars"),
                bad("an unknown authority level", "/recognition",
                        "{\"evaluationId\": \"e\", \"stars\": 4, \"decision\": "
                                + decision.replace("PROVINCE", "TOWN") + "}",
                        400, "invalid-field-type", "decision.level"),
                bad("an impossible date", "/business-plan",
                        "{\"submittedOn\": \"2024-13-01\", \"title\": \"Phương án\"}",
                        400, "invalid-field-type", "submittedOn"),
                bad("a part score with three decimals", "/evaluations",
                        "{\"kind\": \"FIRST\", \"level\": \"PROVINCE\", \"evaluatedOn\": \"2024-05-01\", "
                                + "\"memberScores\": [{\"partA\": 30.125, \"partB\": 20, \"partC\": 20}], "
                                + "\"minimumsMetUpTo\": 4}",
                        400, "invalid-field", "memberScores[0].partA"),
                bad("an evaluation without members", "/evaluations",
                        "{\"kind\": \"FIRST\", \"level\": \"PROVINCE\", \"evaluatedOn\": \"2024-05-01\", "
                                + "\"memberScores\": [], \"minimumsMetUpTo\": 4}",
                        400, "invalid-field", "memberScores"),
                bad("a disqualification ground that is not one of the sets'", "/evaluations",
                        "{\"kind\": \"FIRST\", \"level\": \"PROVINCE\", \"evaluatedOn\": \"2026-08-01\", "
                                + "\"disqualification\": \"hồ sơ giả mạo\"}",
                        400, "invalid-field-type", "disqualification"),
                bad("an answer that is not an option's number", "/evaluations",
                        "{\"kind\": \"FIRST\", \"level\": \"PROVINCE\", \"evaluatedOn\": \"2026-08-01\", "
                                + "\"memberSheets\": [{\"member\": \"A\", \"options\": {\"1.1\": \"ba\"}}]}",
                        400, "invalid-field-type", "memberSheets[0].options['1.1']"),
                bad("a sheet without answers", "/evaluations",
                        "{\"kind\": \"FIRST\", \"level\": \"PROVINCE\", \"evaluatedOn\": \"2026-08-01\", "
                                + "\"memberSheets\": [{\"member\": \"A\", \"options\": {}}]}",
                        400, "invalid-field", "memberSheets[0].options"),
                bad("a command on a product that does not exist", "/business-plan",
                        "{\"submittedOn\": \"2024-02-01\", \"title\": \"Phương án\"}", 404, "not-found", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badProductCommands")
    void aBadProductCommandIsRefusedWithAProblemAndWritesNothing(String what, String action, String body, int status,
                                                                 String type, String field) {
        assertRefusedWithoutWrites("/api/products/" + java.util.UUID.randomUUID() + action, body, status, type, field);
    }

    @ParameterizedTest(name = "content type {0}")
    @MethodSource("unsupportedMediaTypes")
    void aBodyThatIsNotJsonIsRefused(String contentType) {
        long before = writes();

        Http.Response response = Http.post(url("/api/subjects"), contentType, VALID, Map.of());

        assertThat(response.status()).isEqualTo(415);
        assertProblem(response, "unsupported-media-type");
        assertThat(writes()).isEqualTo(before);
    }

    static Stream<String> unsupportedMediaTypes() {
        return Stream.of("text/plain", "application/xml");
    }

    private static void assertProblem(Http.Response response, String type) {
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("type").asText()).isEqualTo("urn:ocop:problem:" + type);
        assertThat(problem.get("status").asInt()).isEqualTo(response.status());
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("titleVi").asText()).isNotBlank();
        assertThat(problem.get("detailVi").asText()).isNotBlank();
        assertThat(problem.get("correlationId").asText()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at vn.ocop")
                .doesNotContain("Trần Văn A").doesNotContain("0260 3862 111");
    }

    /** Everything a command could write: events, registration claims, personal data keys. */
    private long writes() {
        return jdbc.queryForObject("""
                select (select count(*) from domain_event_entry)
                     + (select count(*) from subject_registration_number)
                     + (select count(*) from personal_data_key)""", Long.class);
    }

    private static Arguments bad(String what, String body, int status, String type, String field) {
        return Arguments.of(what, body, status, type, field);
    }

    private static Arguments bad(String what, String action, String body, int status, String type, String field) {
        return Arguments.of(what, action, body, status, type, field);
    }
}
