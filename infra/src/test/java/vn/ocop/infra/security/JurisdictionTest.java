package vn.ocop.infra.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.ocop.infra.Api;
import vn.ocop.infra.Http;
import vn.ocop.infra.ServiceTest;
import vn.ocop.infra.Subjects;
import vn.ocop.infra.TestAccounts;

/**
 * Officers act on and read the records of their jurisdiction only; a record elsewhere answers exactly as a
 * record that does not exist, and lists leave it out. Subject and product A lie in commune 23374 (district 610,
 * the officers' own); B in commune 23377 (district 611).
 */
class JurisdictionTest extends ServiceTest {

    @Test
    void officersReachTheirOwnJurisdictionAndNothingTellsThemOfAnother() {
        Api api = new Api(url(""));
        String name = "Mật ong " + UUID.randomUUID().toString().substring(0, 8);
        String subjectA = api.registerSubject();
        String productA = product(api, subjectA, "23374", name);
        String subjectB = api.accepted("/api/subjects", Subjects.registration(Subjects.uniqueRegistrationNumber())
                .replace("\"23374\"", "\"23377\"")).get("id").asText();
        String productB = product(api, subjectB, "23377", name);
        for (String view : new String[] {"products/" + productA, "products/" + productB, "subjects/" + subjectA,
                "subjects/" + subjectB}) {
            assertThat(Http.get(url("/api/" + view + "?minVersion=0")).status()).isEqualTo(200);
        }

        for (Role officer : new Role[] {Role.DISTRICT_OFFICER, Role.COMMUNE_OFFICER}) {
            Map<String, String> as = Map.of("Authorization", TestAccounts.of(officer).basic());
            assertThat(Http.get(url("/api/products/" + productA), as).status()).as(officer + " own").isEqualTo(200);
            assertThat(Http.get(url("/api/subjects/" + subjectA), as).status()).isEqualTo(200);
            assertThat(Http.get(url("/api/subjects/" + subjectA + "/portfolio"), as).status()).isEqualTo(200);

            JsonNode missing = Http.get(url("/api/products/" + UUID.randomUUID()), as).problemOfAnyRequest();
            assertThat(Http.get(url("/api/products/" + productB), as).problemOfAnyRequest()).as(officer + " other")
                    .isEqualTo(missing);
            assertThat(Http.get(url("/api/subjects/" + subjectB), as).problemOfAnyRequest())
                    .isEqualTo(Http.get(url("/api/subjects/" + UUID.randomUUID()), as).problemOfAnyRequest());
            assertThat(Http.get(url("/api/subjects/" + subjectB + "/portfolio"), as).status()).isEqualTo(404);

            JsonNode found = Http.get(url("/api/products?q=" + name.replace(" ", "+")), as).json();
            assertThat(found.get("total").asLong()).isEqualTo(1);
            assertThat(found.at("/items/0/productId").asText()).isEqualTo(productA);
            assertThat(Http.get(url("/api/products?communeCode=23377"), as).json().get("total").asLong()).isZero();
            assertThat(Http.get(url("/api/subjects?communeCode=23377"), as).json().get("total").asLong()).isZero();

            Http.Response elsewhere = Http.post(url("/api/subjects"), "application/json",
                    Subjects.registration(Subjects.uniqueRegistrationNumber()).replace("\"23374\"", "\"23377\""), as);
            assertThat(elsewhere.status()).isEqualTo(403);
            assertThat(elsewhere.json().get("type").asText()).isEqualTo("urn:ocop:problem:outside-jurisdiction");
        }

        Map<String, String> district = Map.of("Authorization", TestAccounts.of(Role.DISTRICT_OFFICER).basic());
        String decision = Api.stepDecision(true, "DISTRICT", "2024-01-20");
        Http.Response other = Http.post(url("/api/products/" + productB + "/idea-decision"), "application/json",
                decision, district);
        assertThat(other.status()).isEqualTo(404);
        Http.Response nothing = Http.post(url("/api/products/" + UUID.randomUUID() + "/idea-decision"),
                "application/json", decision, district);
        assertThat(other.problemOfAnyRequest()).isEqualTo(nothing.problemOfAnyRequest());
        assertThat(Http.post(url("/api/products/" + productA + "/idea-decision"), "application/json", decision,
                district).status()).isEqualTo(200);

        Map<String, String> province = Map.of("Authorization", TestAccounts.of(Role.PROVINCE_OFFICER).basic());
        assertThat(Http.get(url("/api/products/" + productB), province).status()).isEqualTo(200);
        assertThat(Http.get(url("/api/products?q=" + name.replace(" ", "+")), province).json().get("total")
                .asLong()).isEqualTo(2);
    }

    @Test
    void officersListOnlyTheEvaluationsOfTheirJurisdictionsProducts() {
        Api api = new Api(url(""));
        String own = api.approvedProduct(api.registerSubject(), "2024-01-10");
        api.firstProvincialEvaluation(own, "2024-05-01", "30/20/25", "28/20/27");
        String elsewhere = api.productRecognisedOn20220601(api.registerSubject());
        // each: the district council's evaluation, forwarded, and the province's
        for (String product : List.of(own, elsewhere)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> Http.get(url("/api/evaluations?productId=" + product))
                    .json().get("total").asLong() == 2);
        }

        for (Role officer : new Role[] {Role.DISTRICT_OFFICER, Role.COMMUNE_OFFICER}) {
            Map<String, String> as = Map.of("Authorization", TestAccounts.of(officer).basic());
            assertThat(Http.get(url("/api/evaluations?productId=" + own), as).json().get("total").asLong())
                    .as(officer + " own").isEqualTo(2);
            assertThat(Http.get(url("/api/evaluations?productId=" + elsewhere), as).json().get("total").asLong())
                    .as(officer + " other").isZero();
            JsonNode ofTheYear = Http.get(url("/api/evaluations?year=2022&size=500"), as).json();
            assertThat(ofTheYear.get("items").findValuesAsText("productId")).doesNotContain(elsewhere);
        }
        Map<String, String> province = Map.of("Authorization", TestAccounts.of(Role.PROVINCE_OFFICER).basic());
        assertThat(Http.get(url("/api/evaluations?productId=" + elsewhere), province).json().get("total").asLong())
                .isEqualTo(2);
    }

    private static String product(Api api, String subject, String commune, String name) {
        return api.accepted("/api/products", """
                {"subjectId": "%s", "name": "%s", "groupCode": "III", "criteriaSetCode": "18",
                 "communeCode": "%s", "description": "Mật ong rừng", "registeredOn": "2024-01-10"}"""
                .formatted(subject, name, commune)).get("id").asText();
    }

}
