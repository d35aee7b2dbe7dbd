package vn.ocop.infra.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.ocop.infra.Http;
import vn.ocop.infra.Nodes;
import vn.ocop.infra.TestAccounts;

/**
 * A fresh service started with the one switch {@code ocop.demo.enabled=true} loads the fictional programme
 * through its own API — all of it events, under the demo's account, which is disabled afterwards — and the
 * dashboards show it; a restart loads nothing twice.
 */
class DemoProgrammeTest {

    @TempDir
    Path workingDirectory;

    @Test
    void aFreshStartWithTheSwitchLoadsTheDemoAndTheDashboardsShowIt() throws Exception {
        Path data = workingDirectory.resolve("postgres");
        long events;
        try (ConfigurableApplicationContext node = Nodes.embedded(data, "--ocop.demo.enabled=true")) {
            DemoProgramme demo = node.getBean(DemoProgramme.class);
            demo.released().get(2, TimeUnit.MINUTES);
            DemoStory.Outcome outcome = demo.outcome();
            assertThat(outcome).as("the load finished").isNotNull();
            // sixty subjects of the former Kon Tum, two in each of twelve districts of the former Quảng Ngãi
            assertThat(outcome.subjects()).isEqualTo(84);
            assertThat(outcome.products()).isBetween(170, 250);

            JdbcTemplate jdbc = node.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForList("""
                    select distinct convert_from(meta_data, 'UTF8')::jsonb ->> 'user' from domain_event_entry
                    where convert_from(meta_data, 'UTF8')::jsonb ->> 'trigger' is null""", String.class))
                    .as("every event a command caused is the demo's").containsExactly(DemoProgramme.ACCOUNT);
            assertThat(jdbc.queryForObject("select enabled from account where username = ?", Boolean.class,
                    DemoProgramme.ACCOUNT)).as("the demo's account signs in no more").isFalse();
            List<String> types = jdbc.queryForList("""
                    select distinct substring(payload_type from '[^$.]+$') from domain_event_entry""", String.class);
            assertThat(types).contains("SubjectRegistered", "ProductIdeaReturned", "BusinessPlanApproved",
                    "ProductEvaluated", "ProductRecognized", "ProductUpgraded", "ProductReRecognized",
                    "CertificateRevoked", "ProductDesignatedKey", "BudgetLineAllocated", "SupportGranted",
                    "SupportDisbursed", "ProgrammePlanAdopted", "ProgrammePlanAmended");
            assertThat(jdbc.queryForObject("""
                    select count(*) from domain_event_entry where payload_type like '%ProductEvaluated'
                    and convert_from(payload, 'UTF8')::jsonb -> 'memberSheets' is not null
                    and jsonb_typeof(convert_from(payload, 'UTF8')::jsonb -> 'memberSheets') = 'array'""",
                    Long.class)).as("councils of 2026 fill scoring sheets").isPositive();

            String base = Nodes.base(node);
            Map<String, String> admin = Map.of("Authorization", TestAccounts.administrator().basic());
            // the certificates recognised years ago lapse once deadlines fire, after the load
            JsonNode overview = awaitJson(base + "/api/dashboard/overview?fiscalYear=2024", admin,
                    figures -> figures.at("/certificates/expired").asLong() > 0
                            && figures.at("/products/registered").asLong() == outcome.products());
            assertThat(overview.at("/subjects/total").asLong()).isEqualTo(84);
            assertThat(overview.at("/subjects/byLegalForm").size()).isEqualTo(4);
            assertThat(overview.at("/products/inForce").asLong()).isPositive();
            assertThat(overview.at("/products/inForceByStars/3").asLong()).isPositive();
            assertThat(overview.at("/products/inForceByStars/4").asLong()).isPositive();
            assertThat(overview.at("/certificates/revoked").asLong()).isPositive();
            assertThat(overview.at("/support/bySource").size()).isEqualTo(5);
            assertThat(overview.at("/support/disbursed").asLong()).isPositive();
            JsonNode districts = Http.get(base + "/api/dashboard/districts", admin).json();
            assertThat(districts).hasSize(23).allSatisfy(district -> assertThat(district.get("subjects").asLong())
                    .as(district.get("districtName").asText())
                    .isEqualTo(district.get("districtCode").asText().compareTo("600") > 0 ? 6
                            : district.get("districtCode").asText().equals("536") ? 0 : 2));
            JsonNode units = Http.get(base + "/api/dashboard/units", admin).json();
            assertThat(units).as("the units of the new Quảng Ngãi").hasSize(96);
            assertThat(units).filteredOn(unit -> unit.get("registered").asLong() > 0)
                    .extracting(unit -> unit.get("districtCode").asText())
                    .as("products of the former Quảng Ngãi's units and of the former Kon Tum's")
                    .anyMatch(code -> code.startsWith("21")).anyMatch(code -> code.startsWith("23"));
            JsonNode plan = Http.get(base + "/api/dashboard/targets", admin).json();
            assertThat(plan.get(0).get("title").asText()).contains("Mỗi xã một sản phẩm tỉnh Kon Tum");
            assertThat(plan.get(0).get("amendments").asInt()).as("Decision 1392 and its 2021 amendment").isEqualTo(1);
            JsonNode register = Http.get(base + "/api/products?size=200", admin).json();
            assertThat(register.get("items")).allSatisfy(product ->
                    assertThat(product.get("name").asText()).endsWith(DemoStory.FICTIONAL));
            // each decision numbered as its issuing body numbers them
            List<Map<String, Object>> decisions = jdbc.queryForList("""
                    select d ->> 'number' as number, (d ->> 'date')::date as decided, d ->> 'level' as level,
                           d ->> 'issuer' as issuer
                    from (select convert_from(payload, 'UTF8')::jsonb -> 'decision' as d from domain_event_entry) x
                    where d is not null""");
            java.time.LocalDate ministryMerged = java.time.LocalDate.of(2025, 3, 1);
            assertThat(decisions).filteredOn(d -> "CENTRAL".equals(d.get("level"))).as("the ministry's decisions")
                    .isNotEmpty().allSatisfy(d -> {
                        boolean beforeMerger = ((java.sql.Date) d.get("decided")).toLocalDate().isBefore(ministryMerged);
                        assertThat((String) d.get("number")).endsWith(beforeMerger ? "/QĐ-BNN-VPĐP" : "/QĐ-BNNMT");
                        assertThat((String) d.get("issuer")).isEqualTo(beforeMerger
                                ? "Bộ Nông nghiệp và Phát triển nông thôn" : "Bộ Nông nghiệp và Môi trường");
                    });
            assertThat(decisions).filteredOn(d -> !"CENTRAL".equals(d.get("level"))).as("the people's committees'")
                    .allSatisfy(d -> assertThat((String) d.get("number")).endsWith("/QĐ-UBND"));
            events = jdbc.queryForObject("""
                    select count(*) from domain_event_entry
                    where convert_from(meta_data, 'UTF8')::jsonb ->> 'trigger' is null""", Long.class);
        }
        try (ConfigurableApplicationContext again = Nodes.embedded(data, "--ocop.demo.enabled=true")) {
            again.getBean(DemoProgramme.class).released().get(1, TimeUnit.MINUTES);
            assertThat(again.getBean(DemoProgramme.class).outcome()).as("nothing loaded the second time").isNull();
            // only deadlines (events with a trigger) may have been recorded since: no command
            assertThat(again.getBean(JdbcTemplate.class).queryForObject("""
                    select count(*) from domain_event_entry
                    where convert_from(meta_data, 'UTF8')::jsonb ->> 'trigger' is null""", Long.class))
                    .isEqualTo(events);
        }
    }

    private static JsonNode awaitJson(String url, Map<String, String> headers,
                                      java.util.function.Predicate<JsonNode> ready) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = Http.get(url, headers).json();
            if (ready.test(last)) {
                return last;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("never ready: " + last);
    }
}
