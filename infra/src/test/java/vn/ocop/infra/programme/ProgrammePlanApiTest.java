package vn.ocop.infra.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.ocop.infra.Api;
import vn.ocop.infra.Http;
import vn.ocop.infra.ServiceTest;
import vn.ocop.infra.StoredEvents;
import vn.ocop.infra.StoredEvents.Stored;

/** Kon Tum's plan through HTTP: adopted, amended by a later plan, a planned product realised. */
class ProgrammePlanApiTest extends ServiceTest {

    @org.springframework.beans.factory.annotation.Autowired
    vn.ocop.reference.AdministrativeUnits units;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aPlanIsAdoptedAmendedAndItsPlannedProductLinked() {
        Api api = new Api(url(""));
        String plan = api.accepted("/api/programme-plans", """
                {"title": "Mỗi xã một sản phẩm tỉnh Kon Tum giai đoạn 2018–2020, định hướng đến năm 2030",
                 "fromYear": 2018, "toYear": 2030,
                 "targets": {"plannedProducts": 138, "keyProducts": 85, "productsToProvincialLevel": 10,
                             "plannedProductsByGroup": {"agricultureForestryAquaticMedicinal": 108,
                                                        "nonAgriculturalDistinctive": 10, "tourism": 14},
                             "supportedProductsPerDistrictPerYear": 1, "supportedProductsFromYear": 2025},
                 "decision": %s}""".formatted(Api.decision("PROVINCE", "2018-12-12"))).get("id").asText();
        Http.Response amended = api.patch("/api/programme-plans/" + plan, """
                {"toYear": 2030,
                 "targets": {"plannedProducts": 138, "keyProducts": 85, "productsToProvincialLevel": 10,
                             "starTargets": [{"minStars": 3, "products": 250, "byYear": 2025}],
                             "supportedProductsPerDistrictPerYear": 1, "supportedProductsFromYear": 2025,
                             "productsInNationalValueChains": 10},
                 "decision": %s}""".formatted(Api.decision("PROVINCE", "2021-04-07")),
                Map.of("If-Match", "\"0\""));
        String planned = api.accepted("/api/programme-plans/" + plan + "/planned-products", """
                {"name": "Sâm Ngọc Linh", "districtCode": "610", "communeCode": "23374", "groupCode": "3"}""")
                .get("createdId").asText();
        String product = api.approvedProduct(api.registerSubject(), "2024-01-10");
        api.accepted("/api/programme-plans/" + plan + "/planned-products/" + planned + "/link", """
                {"productId": "%s"}""".formatted(product));
        Http.Response twice = api.post("/api/programme-plans/" + plan + "/planned-products/" + planned + "/link", """
                {"productId": "%s"}""".formatted(product));

        assertThat(amended.status()).isEqualTo(200);
        assertThat(twice.status()).isEqualTo(409);
        List<Stored> events = StoredEvents.of(jdbc, plan);
        assertThat(events).extracting(Stored::type).containsExactly("ProgrammePlanAdopted", "ProgrammePlanAmended",
                "PlannedProductListed", "PlannedProductLinked");
        assertThat(events.get(0).payload().at("/targets/plannedProducts").asInt()).isEqualTo(138);
        assertThat(events.get(0).payload().at("/targets/plannedProductsByGroup/tourism").asInt()).isEqualTo(14);
        assertThat(events.get(1).payload().at("/targets/starTargets/0/products").asInt()).isEqualTo(250);
        assertThat(events.get(3).payload().get("productId").asText()).isEqualTo(product);

        await().atMost(Duration.ofSeconds(10)).until(() -> progressOf(plan) != null
                && progressOf(plan).get("amendments").asInt() == 1
                && measure(progressOf(plan), "plannedProductsRealised").get("achieved").asLong() == 1);
        JsonNode progress = progressOf(plan);
        assertThat(progress.at("/targets/starTargets/0/products").asInt()).isEqualTo(250);
        assertThat(measure(progress, "plannedProductsRealised").get("target").asLong()).isEqualTo(1);
        assertThat(measure(progress, "keyProducts").get("target").asLong()).isEqualTo(85);
        assertThat(measure(progress, "productsAtLeast3Stars by 2025")).isNotNull();
        JsonNode review = Http.get(url("/api/reports/annual-review?year=2026")).json();
        assertThat(review.get("planProgress").toString())
                .contains("Mỗi xã một sản phẩm tỉnh Kon Tum giai đoạn 2018–2020, định hướng đến năm 2030")
                .contains("\"measure\":\"plannedProducts\",\"target\":138")
                .contains("productsAtLeast3Stars by 2025");
        assertThat(measure(progress, "districtsWithAtLeast1SupportedProducts in " + java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).getYear())
                .get("target").asLong()).as("every district-level unit the deployment served").isEqualTo(
                        units.districts().size());
    }

    private JsonNode progressOf(String plan) {
        for (JsonNode candidate : Http.get(url("/api/dashboard/targets")).json()) {
            if (candidate.get("planId").asText().equals(plan)) {
                return candidate;
            }
        }
        return null;
    }

    private static JsonNode measure(JsonNode progress, String name) {
        for (JsonNode measure : progress.get("progress")) {
            if (measure.get("measure").asText().equals(name)) {
                return measure;
            }
        }
        return null;
    }
}
