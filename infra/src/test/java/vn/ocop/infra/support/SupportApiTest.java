package vn.ocop.infra.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.ocop.infra.Api;
import vn.ocop.infra.TestAccounts;
import vn.ocop.infra.Http;
import vn.ocop.infra.ListPages;
import vn.ocop.infra.ServiceTest;
import vn.ocop.infra.StoredEvents;
import vn.ocop.infra.StoredEvents.Stored;
import vn.ocop.infra.Subjects;
import vn.ocop.infra.security.Role;

/** Public money through HTTP: budget lines, grants, disbursements, cancellation — and no overspending. */
class SupportApiTest extends ServiceTest {

    /** Each test takes a fiscal year of its own: one budget line per province, source and year. */
    private static final AtomicInteger NEXT_YEAR = new AtomicInteger(2040);

    @Autowired
    JdbcTemplate jdbc;

    private Api api;

    @BeforeEach
    void setUp() {
        api = new Api(url(""));
    }

    @Test
    void allocateGrantDisburseInTwoPartsAndCancelTheRest() {
        int year = NEXT_YEAR.getAndIncrement();
        String subject = api.registerSubject();
        String line = allocate(year, 100_000_000L);

        Http.Response granted = api.post("/api/support-grants", grant(line, subject, year, 40_000_000L),
                Map.of("Idempotency-Key", "grant-" + line));
        assertThat(granted.status()).isEqualTo(201);
        String grant = granted.json().get("id").asText();
        assertThat(granted.header("Location")).isEqualTo("/api/support-grants/" + grant);

        JsonNode first = api.accepted("/api/support-grants/" + grant + "/disbursements", disbursement(15_000_000L));
        api.accepted("/api/support-grants/" + grant + "/disbursements", disbursement(10_000_000L));
        api.accepted("/api/support-grants/" + grant + "/cancellation", """
                {"cancelledOn": "2026-09-30", "reason": "Chủ thể dừng dự án"}""");
        Http.Response overpaid = api.post("/api/support-grants/" + grant + "/disbursements", disbursement(1L));

        assertThat(first.get("createdId").asText()).isNotBlank();
        assertThat(overpaid.status()).isEqualTo(409);
        assertThat(overpaid.json().get("type").asText()).isEqualTo("urn:ocop:problem:grant-not-open");

        List<Stored> grantEvents = StoredEvents.of(jdbc, grant);
        assertThat(grantEvents).extracting(Stored::type).containsExactly(
                "SupportGranted", "SupportDisbursed", "SupportDisbursed", "SupportGrantCancelled");
        assertThat(grantEvents.get(0).payload().get("amount").isIntegralNumber()).isTrue();
        assertThat(grantEvents.get(0).payload().get("amount").asLong()).isEqualTo(40_000_000L);
        assertThat(grantEvents.get(0).payload().get("source").asText()).isEqualTo("PROVINCIAL_BUDGET");
        assertThat(grantEvents.get(0).payload().get("communeCode").asText()).isEqualTo("23374");
        assertThat(grantEvents.get(0).metadata().get("idempotencyKey").asText()).isEqualTo("grant-" + line);
        assertThat(grantEvents.get(3).payload().get("releasedAmount").asLong()).isEqualTo(15_000_000L);
        for (Stored event : grantEvents) {
            assertThat(event.metadata().get("correlationId")).as(event.type()).isNotNull();
            assertThat(event.metadata().get("user").asText()).isEqualTo(TestAccounts.administrator().username());
        }
        assertThat(StoredEvents.typesOf(jdbc, line)).containsExactly(
                "BudgetLineAllocated", "SupportCommitted", "CommitmentReleased");
        assertThat(jdbc.queryForObject("select amount from support_commitment where grant_id = ?", Long.class,
                grant)).isEqualTo(25_000_000L);

        // The ledger view: disbursed ≤ granted ≤ allocated on the line; the overview and the review agree.
        // The grant's and the line's rows are projected independently: wait for both.
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "select count(*) from support_grant_view where grant_id = ? and status = 'CANCELLED'", Long.class,
                grant) == 1 && jdbc.queryForObject("select count(*) from budget_line_view where budget_line_id = ? "
                + "and committed = 25000000", Long.class, line) == 1);
        Map<String, Object> lineView = jdbc.queryForMap("""
                select l.allocated, l.committed, (select sum(g.disbursed) from support_grant_view g
                                                  where g.budget_line_id = l.budget_line_id) as disbursed
                from budget_line_view l where l.budget_line_id = ?""", line);
        assertThat(lineView).containsEntry("allocated", 100_000_000L).containsEntry("committed", 25_000_000L);
        assertThat(((Number) lineView.get("disbursed")).longValue()).isEqualTo(25_000_000L);
        JsonNode support = Http.get(url("/api/dashboard/overview?fiscalYear=" + year)).json().get("support");
        JsonNode review = Http.get(url("/api/reports/annual-review?year=" + year)).json();
        assertThat(support.get("committed").asLong()).isEqualTo(25_000_000L)
                .isEqualTo(review.at("/supportCommittedBySource/PROVINCIAL_BUDGET").asLong());
        assertThat(support.get("disbursed").asLong())
                .isEqualTo(review.at("/supportDisbursedBySource/PROVINCIAL_BUDGET").asLong());
    }

    @Test
    void twentyFourConcurrentGrantsNeverOverspendTheLine() throws Exception {
        int year = NEXT_YEAR.getAndIncrement();
        String subject = api.registerSubject();
        String line = allocate(year, 100_000_000L);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Http.Response> responses;
        try {
            List<Future<Http.Response>> futures = pool.invokeAll(IntStream.range(0, 24)
                    .mapToObj(i -> (Callable<Http.Response>) () ->
                            api.post("/api/support-grants", grant(line, subject, year, 7_000_000L)))
                    .toList());
            responses = futures.stream().map(future -> {
                try {
                    return future.get();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        } finally {
            pool.shutdown();
        }

        long granted = responses.stream().filter(response -> response.status() == 201).count();
        assertThat(granted * 7_000_000L).isLessThanOrEqualTo(100_000_000L);
        assertThat(responses).allSatisfy(response -> {
            assertThat(response.status()).isIn(201, 409, 422);
            if (response.status() != 201) {
                assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
            }
        });
        assertThat(responses).filteredOn(response -> response.status() == 409)
                .extracting(response -> response.json().get("type").asText())
                .contains("urn:ocop:problem:budget-line-overspent");
        long committed = StoredEvents.of(jdbc, line).stream().filter(event -> event.type().equals("SupportCommitted"))
                .mapToLong(event -> event.payload().get("amount").asLong()).sum();
        assertThat(committed).isEqualTo(granted * 7_000_000L).isLessThanOrEqualTo(100_000_000L);
    }

    /** The grants are listed newest first, page after page, each once. */
    @Test
    void theGrantsListPagesFollowEachOtherNewestFirst() {
        int year = NEXT_YEAR.getAndIncrement();
        String subject = api.registerSubject();
        String line = allocate(year, 100_000_000L);
        for (String decidedOn : List.of("2026-03-01", "2026-05-01", "2026-04-01", "2026-05-01", "2026-02-01")) {
            api.accepted("/api/support-grants", grant(line, subject, year, 1_000_000L, decidedOn));
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<String> expected = jdbc.queryForList("select grant_id from support_grant_view where fiscal_year = ?"
                    + " order by granted_on desc, grant_id", String.class, year);
            assertThat(expected).hasSize(5);
            assertThat(ListPages.ids(path -> Http.get(url(path)), "/api/support-grants?fiscalYear=" + year,
                    "grantId", 2, 5)).containsExactlyElementsOf(expected);
        });
    }

    @Test
    void amountsAreWholePositiveDong() {
        int year = NEXT_YEAR.getAndIncrement();
        String subject = api.registerSubject();
        String line = allocate(year, 100_000_000L);
        long events = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);

        Http.Response fractional = api.post("/api/support-grants",
                grant(line, subject, year, 1L).replace("\"amount\": 1,", "\"amount\": 1500000.5,"));
        Http.Response negative = api.post("/api/support-grants",
                grant(line, subject, year, 1L).replace("\"amount\": 1,", "\"amount\": -1500000,"));
        Http.Response asText = api.post("/api/support-grants",
                grant(line, subject, year, 1L).replace("\"amount\": 1,", "\"amount\": \"1500000\","));

        assertThat(fractional.status()).isEqualTo(400);
        assertThat(fractional.json().get("type").asText()).isEqualTo("urn:ocop:problem:invalid-field-type");
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.json().get("type").asText()).isEqualTo("urn:ocop:problem:invalid-field");
        assertThat(asText.status()).isEqualTo(400);
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry", Long.class)).isEqualTo(events);
    }

    @Test
    void officersListOnlyTheGrantsOfTheirJurisdiction() {
        int year = NEXT_YEAR.getAndIncrement();
        String line = allocate(year, 100_000_000L);
        String own = api.registerSubject();
        String elsewhere = api.accepted("/api/subjects", Subjects.registration(Subjects.uniqueRegistrationNumber())
                .replace("\"23374\"", "\"23377\"")).get("id").asText();
        String ownGrant = api.accepted("/api/support-grants", grant(line, own, year, 10_000_000L)).get("id").asText();
        String otherGrant = api.accepted("/api/support-grants", grant(line, elsewhere, year, 10_000_000L)).get("id")
                .asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> Http.get(url("/api/support-grants?fiscalYear=" + year))
                .json().get("total").asLong() == 2);

        for (Role officer : new Role[] {Role.DISTRICT_OFFICER, Role.COMMUNE_OFFICER}) {
            JsonNode seen = Http.get(url("/api/support-grants?fiscalYear=" + year),
                    Map.of("Authorization", TestAccounts.of(officer).basic())).json();
            assertThat(seen.get("items").findValuesAsText("grantId")).as(officer.name()).containsExactly(ownGrant);
            assertThat(seen.get("total").asLong()).isEqualTo(1);
        }
        JsonNode province = Http.get(url("/api/support-grants?fiscalYear=" + year),
                Map.of("Authorization", TestAccounts.of(Role.PROVINCE_OFFICER).basic())).json();
        assertThat(province.get("items").findValuesAsText("grantId")).containsExactlyInAnyOrder(ownGrant, otherGrant);
    }

    private String allocate(int year, long amount) {
        return api.accepted("/api/budgets", """
                {"provinceCode": "62", "source": "PROVINCIAL_BUDGET", "fiscalYear": %d, "amount": %d,
                 "decision": %s}""".formatted(year, amount, Api.decision("PROVINCE", "2026-01-15"))).get("id").asText();
    }

    private static String grant(String line, String subject, int year, long amount) {
        return grant(line, subject, year, amount, "2026-04-01");
    }

    private static String grant(String line, String subject, int year, long amount, String decidedOn) {
        return """
                {"budgetLineId": "%s", "subjectId": "%s", "kind": "TRAINING", "amount": %d,
                 "costSharePercent": 70, "fiscalYear": %d, "decision": %s}"""
                .formatted(line, subject, amount, year, Api.decision("PROVINCE", decidedOn));
    }

    private static String disbursement(long amount) {
        return """
                {"amount": %d, "paidOn": "2026-06-01", "voucherReference": "PC-0042",
                 "acceptanceMinutesReference": "BB-0042"}""".formatted(amount);
    }
}
