package vn.ocop.infra.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.ocop.infra.Api;
import vn.ocop.infra.Http;
import vn.ocop.infra.ListPages;
import vn.ocop.infra.ServiceTest;
import vn.ocop.infra.Subjects;
import vn.ocop.query.common.ShadowReplay;
import vn.ocop.query.common.ViewsProcessor;
import vn.ocop.reference.AdministrativeUnits;

/** The register through HTTP: search as officers type, read-your-writes, and a rebuild that changes nothing. */
class RegisterApiTest extends ServiceTest {

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AdministrativeUnits units;

    private Api api;
    private String subject;

    @BeforeEach
    void setUp() {
        api = new Api(url(""));
        // a producer whose name shares no word with its products, since the search reads producers' names too
        subject = api.accepted("/api/subjects", Subjects.registration(Subjects.uniqueRegistrationNumber())
                .replace("Hợp tác xã Sâm Ngọc Linh Tu Mơ Rông", "Hợp tác xã Thử nghiệm")).get("id").asText();
        assertThat(Http.get(url("/api/subjects/" + subject + "?minVersion=0")).status()).isEqualTo(200);
    }

    @Test
    void searchIgnoresDiacriticsAndCase() {
        String sam = registered("Sâm Ngọc Linh Tu Mơ Rông", "III", "18");
        String coffee = registered("Cà phê Đăk Hà", "II", "14");
        String wine = registered("Rượu cần Kon Plông", "II", "15");
        String honey = registered("Mật ong Đăk Glei", "I", "4");

        assertThat(found("sam ngoc linh")).contains(sam).doesNotContain(coffee, wine, honey);
        assertThat(found("SÂM NGỌC LINH")).contains(sam);
        assertThat(found("dak ha")).contains(coffee).doesNotContain(honey);
        // every product here lies in Đắk Môn, so a place's word finds them all (SearchByPlaceTest tells places apart)
        assertThat(found("ĐĂK")).contains(coffee, honey, sam, wine);
        assertThat(found("kon plong")).contains(wine);
        assertThat(found("ruou can")).contains(wine);
        assertThat(found("tu mo rong")).contains(sam);
    }

    @Test
    void aCommandsVersionIsVisibleAtOnceWhenAskedFor() {
        String product = api.accepted("/api/products", idea("Trà dây Kon Tum", "II", "16")).get("id").asText();

        JsonNode accepted = api.accepted("/api/products/" + product + "/idea-decision",
                Api.stepDecision(true, "DISTRICT", "2024-03-15"));
        Http.Response read = Http.get(url("/api/products/" + product + "?minVersion="
                + accepted.get("version").asLong()));

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("stage").asText()).isEqualTo("IDEA_ACCEPTED");
        assertThat(read.json().get("version").asLong()).isEqualTo(accepted.get("version").asLong());
    }

    @Test
    void aVersionTheViewNeverReachesIsAServiceUnavailableProblem() {
        String product = api.accepted("/api/products", idea("Gạo Ba Chăm", "I", "3")).get("id").asText();

        Http.Response read = Http.get(url("/api/products/" + product + "?minVersion=99"));

        assertThat(read.status()).isEqualTo(503);
        assertThat(read.header("Retry-After")).isEqualTo("1");
        assertThat(read.json().get("type").asText()).isEqualTo("urn:ocop:problem:view-not-caught-up");
    }

    /** A list's total is the count of the register's rows that match, whether the tally or the rows answer it. */
    @Test
    void aListsTotalIsTheCountOfTheRowsItMatches() {
        registered("Miến dong Đăk Hà", "I", "3");
        Map<String, String> filters = new java.util.LinkedHashMap<>();
        filters.put("", "true");
        filters.put("stars=3", "stars = 3");
        filters.put("certificate=IN_FORCE", "certificate_status in ('VALID', 'AWAITING_RE_EVALUATION')");
        filters.put("certificate=EXPIRED&groupCode=II", "certificate_status = 'EXPIRED' and group_code = 'II'");
        filters.put("stage=IDEA_REGISTERED&communeCode=23374", "stage = 'IDEA_REGISTERED' and commune_code = '23374'");
        AdministrativeUnits.District district = units.districts().get(0);
        filters.put("districtCode=" + district.code() + "&stars=4",
                "stars = 4 and commune_code = any (?::varchar[])");
        filters.put("q=mien+dong", "search_text like '%mien dong%'");
        filters.put("q=mien+dong&page=100000", "search_text like '%mien dong%'"); // past the last page
        filters.put("subjectId=" + subject, "subject_id = '" + subject + "'");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> filters.forEach((query, condition) -> {
            long total = Http.get(url("/api/products?size=1&" + query)).json().get("total").asLong();
            Object[] arguments = condition.contains("?") ? new Object[] {district.communes().stream()
                    .map(AdministrativeUnits.Commune::code).toArray(String[]::new)} : new Object[0];
            assertThat(total).as(query).isEqualTo(
                    jdbc.queryForObject("select count(*) from product_register where " + condition, Long.class,
                            arguments));
        }));
        assertThat(Http.get(url("/api/products?size=1&subjectId=" + subject)).json().get("total").asLong())
                .isPositive();
    }

    /** A list's pages, one after another, hold every row it matches exactly once, in the order asked for. */
    @Test
    void aListsPagesFollowEachOtherInItsOrder() {
        registered("Bánh tráng Sa Thầy", "II", "14");
        registered("Bánh tráng Sa Thầy", "II", "14"); // the same name: the order goes on by product
        String certified = api.certifiedProduct(subject, "Bánh tráng Sa Thầy", 4);
        assertThat(Http.get(url("/api/products/" + certified + "?minVersion=5")).status()).isEqualTo(200);
        Map<String, String> lists = new java.util.LinkedHashMap<>();
        lists.put("groupCode=II", "group_code = 'II' order by search_text, product_id");
        lists.put("stars=4&certificate=IN_FORCE",
                "stars = 4 and certificate_status in ('VALID', 'AWAITING_RE_EVALUATION')"
                        + " order by search_text, product_id");
        lists.put("q=banh+trang&sort=REGISTERED_ON",
                "search_text like '%banh trang%' order by registered_on desc, product_id");
        lists.put("stage=IDEA_REGISTERED&sort=REGISTERED_ON",
                "stage = 'IDEA_REGISTERED' order by registered_on desc, product_id");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> lists.forEach((query, conditionAndOrder) -> {
            List<String> expected = jdbc.queryForList("select product_id from product_register where "
                    + conditionAndOrder, String.class);
            assertThat(expected).as(query).isNotEmpty();
            assertThat(ListPages.ids(path -> Http.get(url(path)), "/api/products?" + query, "productId", 5,
                    expected.size())).as(query).containsExactlyElementsOf(expected);
        }));
    }

    @Test
    void badQueryParametersAreProblems() {
        assertThat(Http.get(url("/api/products?size=1000")).json().get("type").asText())
                .isEqualTo("urn:ocop:problem:invalid-field");
        assertThat(Http.get(url("/api/products?stage=SOMETIMES")).json().get("type").asText())
                .isEqualTo("urn:ocop:problem:invalid-field-type");
    }

    /** Every view, its processor reset and replayed from the first event, comes out exactly as it was. */
    @Test
    void rebuildingEveryViewFromTheEventsYieldsTheSameTables() {
        registered("Khoai lang Kon Rẫy", "I", "1");
        List<String> tables = ShadowReplay.TABLES.values().stream().flatMap(List::stream).toList();
        StreamingEventProcessor processor = processing
                .eventProcessor(ViewsProcessor.NAME, StreamingEventProcessor.class).orElseThrow();
        await().atMost(Duration.ofSeconds(20)).until(() -> caughtUp(processor));
        Map<String, List<Map<String, Object>>> live = snapshot(tables);

        processor.shutDown();
        processor.resetTokens();
        processor.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> caughtUp(processor) && snapshot(tables).equals(live));

        assertThat(snapshot(tables)).isEqualTo(live);
        assertThat(table("product_register")).isNotEmpty();
    }

    private Map<String, List<Map<String, Object>>> snapshot(List<String> tables) {
        Map<String, List<Map<String, Object>>> rows = new java.util.TreeMap<>();
        tables.forEach(name -> rows.put(name, table(name)));
        return rows;
    }

    private static boolean caughtUp(StreamingEventProcessor processor) {
        return !processor.processingStatus().isEmpty()
                && processor.processingStatus().values().stream().allMatch(status -> status.isCaughtUp());
    }

    /** The table's rows, in an order of their own: a tally's first column does not order its rows. */
    private List<Map<String, Object>> table(String name) {
        List<Map<String, Object>> rows = new ArrayList<>(jdbc.queryForList("select * from " + name));
        rows.sort(java.util.Comparator.comparing(String::valueOf));
        return rows;
    }

    private String registered(String name, String group, String set) {
        JsonNode created = api.accepted("/api/products", idea(name, group, set));
        String id = created.get("id").asText();
        assertThat(Http.get(url("/api/products/" + id + "?minVersion=" + created.get("version").asLong())).status())
                .isEqualTo(200);
        return id;
    }

    private List<String> found(String q) {
        JsonNode page = Http.get(url("/api/products?size=200&subjectId=" + subject + "&q="
                + URLEncoder.encode(q, StandardCharsets.UTF_8))).json();
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("productId").asText()));
        return ids;
    }

    private String idea(String name, String group, String set) {
        return """
                {"subjectId": "%s", "name": "%s", "groupCode": "%s", "criteriaSetCode": "%s",
                 "communeCode": "23374", "registeredOn": "2024-03-01"}""".formatted(subject, name, group, set);
    }
}
