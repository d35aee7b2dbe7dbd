package vn.ocop.infra.security;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.ocop.infra.Api.evaluation;
import static vn.ocop.infra.Api.recognition;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.ocop.infra.Api;
import vn.ocop.infra.Http;
import vn.ocop.infra.ServiceTest;
import vn.ocop.infra.Subjects;
import vn.ocop.infra.TestAccounts;

/**
 * A representative's name and phone number through a whole scenario: they are found in the answers only where
 * the matrix lets a role see personal data (the subject's details, and its state for the audit), masked for
 * the council's secretary, never in the public catalogue, a problem response or a log line, and stored in
 * clear only in the subjects view (the events hold them sealed).
 */
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataExposureTest extends ServiceTest {

    private static final Set<Role> SEE_IN_FULL = Set.of(Role.ADMINISTRATOR, Role.PROVINCE_OFFICER,
            Role.DISTRICT_OFFICER, Role.COMMUNE_OFFICER, Role.AUDITOR);

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void namesAndPhonesAreFoundOnlyWhereTheMatrixAllows(CapturedOutput output) {
        Random random = new Random();
        String phone = "0987 " + (100 + random.nextInt(900)) + " " + (100 + random.nextInt(900));
        String digits = phone.replace(" ", "");
        String person = "Y Phương Lan " + (char) ('A' + random.nextInt(26)) + (char) ('A' + random.nextInt(26))
                + (char) ('a' + random.nextInt(26));
        Api api = new Api(url(""));
        String subject = api.accepted("/api/subjects", Subjects.registration(Subjects.uniqueRegistrationNumber())
                .replace("Nguyễn Thị Hồng", person).replace("0905 123 456", phone)).get("id").asText();
        String product = api.approvedProduct(subject, "2024-01-10");
        String evaluationId = api.firstProvincialEvaluation(product, "2024-05-01", "30/20/25", "28/20/27");
        api.accepted("/api/products/" + product + "/recognition", recognition(evaluationId, 4, "PROVINCE", "2024-06-01"));
        assertThat(Http.get(url("/api/products/" + product + "?minVersion=5")).status()).isEqualTo(200);
        assertThat(Http.get(url("/api/subjects/" + subject + "?minVersion=0")).status()).isEqualTo(200);

        Http.Response refused = Http.postJson(url("/api/subjects"), """
                {"legalForm": "COOPERATIVE", "name": "HTX", "registrationNumber": "%s", "communeCode": "23374",
                 "representative": {"fullName": "%s", "phone": "%s", "idNumber": "%s"}}"""
                .formatted(Subjects.uniqueRegistrationNumber(), person, phone, digits));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).doesNotContain(digits).doesNotContain(phone).doesNotContain(person);

        Instant now = Instant.now();
        List<String> reads = List.of("/api/subjects/" + subject, "/api/subjects?q=HTX", "/api/subjects/" + subject
                        + "/portfolio", "/api/products/" + product, "/api/products?subjectId=" + subject,
                "/api/evaluations?productId=" + product, "/api/dashboard/overview", "/api/dashboard/districts",
                "/api/dashboard/expiring", "/api/reports/annual-review?year=2024", "/api/activity",
                "/api/audit/events?aggregateId=" + subject, "/api/audit/subjects/" + subject + "/history",
                "/api/audit/subjects/" + subject + "/state?asOf=" + now);
        List<String> exposures = new ArrayList<>();
        for (Role role : Role.values()) {
            Map<String, String> as = Map.of("Authorization", TestAccounts.of(role).basic());
            for (String read : reads) {
                Http.Response response = Http.get(url(read), as);
                if (response.status() == 200 && exposes(response.body(), digits, person)) {
                    exposures.add(role + " " + read.replaceAll("\\?.*", ""));
                }
            }
        }
        List<String> allowed = new ArrayList<>();
        for (Role role : SEE_IN_FULL) {
            allowed.add(role + " /api/subjects/" + subject);
        }
        allowed.add(Role.ADMINISTRATOR + " /api/audit/subjects/" + subject + "/state");
        allowed.add(Role.AUDITOR + " /api/audit/subjects/" + subject + "/state");
        assertThat(exposures).containsExactlyInAnyOrderElementsOf(allowed);

        JsonNode masked = Http.get(url("/api/subjects/" + subject),
                Map.of("Authorization", TestAccounts.of(Role.COUNCIL_SECRETARY).basic())).json();
        assertThat(masked.at("/representative/fullName").asText()).isEqualTo("Y. P. L. " + person.charAt(13) + ".");
        assertThat(masked.at("/representative/phone").asText()).isEqualTo("•••" + digits.substring(7));

        Http.Response catalogue = Http.get(url("/public/products?q=sam+ngoc+linh&size=100"),
                Map.of("Authorization", Http.ANONYMOUS));
        assertThat(catalogue.status()).isEqualTo(200);
        assertThat(exposes(catalogue.body(), digits, person)).isFalse();

        assertThat(exposes(output.getAll(), digits, person)).as("the logs").isFalse();

        List<String> stored = new ArrayList<>();
        for (Map<String, Object> table : jdbc.queryForList("""
                select c.table_name, string_agg(c.column_name, ',') filter (where c.data_type = 'bytea') as binary
                from information_schema.columns c join information_schema.tables t
                  on t.table_schema = c.table_schema and t.table_name = c.table_name
                where c.table_schema = 'public' and t.table_type = 'BASE TABLE' group by c.table_name""")) {
            String name = (String) table.get("table_name");
            StringBuilder where = new StringBuilder("t::text like ? or t::text like ?");
            List<Object> values = new ArrayList<>(List.of("%" + phone + "%", "%" + person + "%"));
            if (table.get("binary") != null) {
                for (String column : ((String) table.get("binary")).split(",")) {
                    for (String secret : List.of(phone, digits, person)) {
                        where.append(" or position(convert_to(?, 'UTF8') in t.").append(column).append(") > 0");
                        values.add(secret);
                    }
                }
            }
            Long rows = jdbc.queryForObject("select count(*) from " + name + " t where " + where, Long.class,
                    values.toArray());
            if (rows != null && rows > 0) {
                stored.add(name);
            }
        }
        assertThat(stored).containsExactly("subject_view");
    }

    private static boolean exposes(String text, String digits, String person) {
        return text.replaceAll("[\\s.-]", "").contains(digits) || text.contains(person);
    }
}
