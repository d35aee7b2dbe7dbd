package vn.ocop.infra.reference;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.ocop.infra.Api;
import vn.ocop.infra.Http;
import vn.ocop.infra.ServiceTest;
import vn.ocop.infra.Subjects;

/**
 * The 2025 reorganisation through the API: commune codes are checked against the units in force on the
 * command's business date, records keep the unit they named, and the dashboards group them both by the old
 * district and by the unit that took the commune over.
 */
class AdministrativeUnitsApiTest extends ServiceTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aCommuneCodeUnknownOrNotInForceOnTheBusinessDateIsRefusedAndWritesNothing() {
        Api api = new Api(url(""));
        long events = events();
        // today the units are Quảng Ngãi's: 23281 (Phường Quang Trung) was absorbed into Phường Kon Tum (23293)
        for (String commune : List.of("23281", "99999")) {
            Http.Response refused = api.post("/api/subjects", Subjects.registration(Subjects.uniqueRegistrationNumber())
                    .replace("\"23374\"", "\"" + commune + "\""));
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.json().get("type").asText()).endsWith("commune-not-in-force");
            assertThat(refused.json().get("detailVi").asText()).contains("Không có đơn vị hành chính cấp xã mã " + commune);
        }
        String subject = api.registerSubject();
        Http.Response lateIdea = api.post("/api/products", idea(subject, "23281", "2025-07-01"));
        assertThat(lateIdea.status()).isEqualTo(422);
        assertThat(lateIdea.json().get("type").asText()).endsWith("commune-not-in-force");
        assertThat(events()).isEqualTo(events + 1);
    }

    @Test
    void a2024ProductKeepsItsOldCommuneAndIsGroupedByOldDistrictAndByCurrentUnit() {
        Api api = new Api(url(""));
        String subject = api.registerSubject();
        String old = api.accepted("/api/products", idea(subject, "23281", "2024-03-01")).get("id").asText();
        String recent = api.accepted("/api/products", idea(subject, "23293", "2026-02-01")).get("id").asText();
        assertThat(Http.get(url("/api/products/" + recent + "?minVersion=0")).status()).isEqualTo(200);
        assertThat(Http.get(url("/api/products/" + old + "?minVersion=0")).json().get("communeCode").asText())
                .isEqualTo("23281");

        JsonNode cityOfKonTum = find(Http.get(url("/api/dashboard/districts")).json(), "districtCode", "608");
        JsonNode quangTrung = find(cityOfKonTum.get("communes"), "communeCode", "23281");
        assertThat(quangTrung.get("communeName").asText()).isEqualTo("Phường Quang Trung");
        assertThat(quangTrung.get("registered").asLong()).isPositive();
        assertThat(find(cityOfKonTum.get("communes"), "communeCode", "23293").get("registered").asLong()).isPositive();

        JsonNode wardOfKonTum = find(Http.get(url("/api/dashboard/units")).json(), "districtCode", "23293");
        assertThat(wardOfKonTum.get("districtName").asText()).isEqualTo("Phường Kon Tum");
        assertThat(StreamSupport.stream(wardOfKonTum.get("communes").spliterator(), false)
                .map(commune -> commune.get("communeCode").asText())).contains("23281", "23293");
        assertThat(wardOfKonTum.get("registered").asLong())
                .isEqualTo(quangTrung.get("registered").asLong()
                        + find(cityOfKonTum.get("communes"), "communeCode", "23293").get("registered").asLong()
                        + registeredIn(cityOfKonTum, "23287", "23290", "23299"));
        assertThat(Http.get(url("/api/dashboard/units?province=51")).json()).hasSize(96);
        // the tests' deployment serves 51 and 48 (Đà Nẵng, 94 units)
        assertThat(Http.get(url("/api/dashboard/units")).json()).hasSize(96 + 94);
        assertThat(Http.get(url("/api/dashboard/districts?province=51")).json()).hasSize(23);
        assertThat(Http.get(url("/api/dashboard/units?province=62")).status()).isEqualTo(400);
    }

    /**
     * A deployment of the new Quảng Ngãi takes the former Quảng Ngãi's communes before the merger as well as Kon
     * Tum's, refuses a unit of Hà Nội naming it and its province, and counts both former provinces' products in
     * the overview of 51 and in none of another province it serves.
     */
    @Test
    void theNewQuangNgaiTakesBothFormerProvincesAndRefusesHaNoiNamingIt() {
        Api api = new Api(url(""));
        JsonNode before = Http.get(url("/api/dashboard/overview?province=51&fiscalYear=2026")).json();
        JsonNode daNangBefore = Http.get(url("/api/dashboard/overview?province=48&fiscalYear=2026")).json();
        long reviewedBefore = subjectsInReview("51");
        long daNangReviewedBefore = subjectsInReview("48");
        String subject = api.registerSubject();
        // 21121 Xã Trà Thủy of Trà Bồng, former Quảng Ngãi; 23287 Phường Quyết Thắng, former Kon Tum
        String quangNgai = api.accepted("/api/products", idea(subject, "21121", "2024-04-02")).get("id").asText();
        String kontum = api.accepted("/api/products", idea(subject, "23287", "2024-04-03")).get("id").asText();
        Http.Response haNoi = api.post("/api/products", idea(subject, "00070", "2026-03-02"));
        assertThat(haNoi.status()).as(haNoi.body()).isEqualTo(422);
        assertThat(haNoi.json().get("type").asText()).endsWith("commune-not-in-force");
        assertThat(haNoi.json().get("detail").asText()).contains("Phường Hoàn Kiếm", "Thành phố Hà Nội",
                "province 01");
        assertThat(haNoi.json().get("detailVi").asText()).contains("Thành phố Hà Nội");
        assertThat(Http.get(url("/api/products/" + quangNgai + "?minVersion=0")).json().get("communeCode").asText())
                .isEqualTo("21121");
        assertThat(Http.get(url("/api/products/" + kontum + "?minVersion=0")).status()).isEqualTo(200);

        JsonNode after = Http.get(url("/api/dashboard/overview?province=51&fiscalYear=2026")).json();
        assertThat(after.at("/products/registered").asLong() - before.at("/products/registered").asLong())
                .as("both former provinces' products count in 51").isEqualTo(2);
        assertThat(Http.get(url("/api/dashboard/overview?province=48&fiscalYear=2026")).json()
                .at("/products/registered").asLong()).isEqualTo(daNangBefore.at("/products/registered").asLong());
        JsonNode provinces = Http.get(url("/api/dashboard/provinces")).json();
        JsonNode fiftyOne = find(provinces, "districtCode", "51");
        assertThat(fiftyOne.get("districtName").asText()).isEqualTo("Tỉnh Quảng Ngãi");
        assertThat(fiftyOne.get("communes")).extracting(commune -> commune.get("communeCode").asText())
                .contains("21121", "23287");
        assertThat(fiftyOne.get("registered").asLong()).isEqualTo(after.at("/products/registered").asLong());
        assertThat(Http.get(url("/api/dashboard/overview?province=01")).status()).isEqualTo(400);
        // the year's review of one province counts its own subjects alone, and names its own districts only
        assertThat(subjectsInReview("51")).isEqualTo(reviewedBefore + 1);
        assertThat(subjectsInReview("48")).isEqualTo(daNangReviewedBefore);
        JsonNode review = Http.get(url("/api/reports/annual-review?year=2026&province=51")).json();
        assertThat(review.get("districtsWithoutSupportedProducts")).hasSizeLessThanOrEqualTo(23)
                .extracting(JsonNode::asText).contains("Huyện Trà Bồng").doesNotContain("Quận Hải Châu");
        assertThat(Http.get(url("/api/reports/annual-review?year=2026&province=62")).status()).isEqualTo(400);
        Http.Response csv = Http.get(url("/api/reports/annual-review?year=2026&province=51&format=csv"));
        assertThat(csv.header("Content-Disposition")).contains("tong-ket-ocop-51-2026.csv");
        assertThat(Http.get(url("/public/deployment")).json().get("provinces"))
                .extracting(province -> province.get("shortName").asText()).containsExactly("Quảng Ngãi", "Đà Nẵng");
    }

    @Test
    void theCountrysProvincesAndCommunesOnEitherSideOf2025AreServedWithTheCrosswalk() {
        JsonNode before = Http.get(url("/api/reference/provinces?on=2024-01-01")).json();
        assertThat(before).hasSize(63);
        assertThat(find(before, "code", "62").get("takenOverBy").asText()).isEqualTo("51");
        JsonNode after = Http.get(url("/api/reference/provinces?on=2026-01-01")).json();
        assertThat(after).hasSize(34);
        assertThat(find(after, "code", "51").get("formerProvinces")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("51", "62");

        JsonNode kontum = Http.get(url("/api/reference/provinces/62/communes?on=2024-06-01")).json();
        assertThat(kontum).hasSize(102);
        JsonNode haMon = find(kontum, "code", "23521");
        assertThat(haMon.get("district").get("name").asText()).isEqualTo("Huyện Đắk Hà");
        assertThat(haMon.get("successors")).singleElement().satisfies(successor -> {
            assertThat(successor.get("code").asText()).isEqualTo("23500");
            assertThat(successor.get("whole").asBoolean()).isTrue();
        });
        assertThat(Http.get(url("/api/reference/provinces/51/communes?on=2024-06-01")).json()).hasSize(170);

        JsonNode quangNgai = Http.get(url("/api/reference/provinces/51/communes?on=2026-01-01")).json();
        assertThat(quangNgai).hasSize(96);
        JsonNode lySon = find(quangNgai, "code", "21548");
        assertThat(lySon.get("kind").asText()).isEqualTo("đặc khu");
        assertThat(lySon.get("islandDistricts")).singleElement()
                .satisfies(district -> assertThat(district.get("name").asText()).isEqualTo("Huyện Lý Sơn"));
        assertThat(find(quangNgai, "code", "23500").get("formedFrom")).extracting(unit -> unit.get("code").asText())
                .contains("23521");

        assertThat(Http.get(url("/api/reference/provinces/62/communes?on=2026-01-01")).status()).isEqualTo(404);
        assertThat(Http.get(url("/api/reference/provinces/1/communes")).status()).isEqualTo(400);
    }

    @Test
    void theUnitsInForceOnADateAreSearchableInEitherSpellingWithoutDiacritics() {
        JsonNode before = Http.get(url("/api/reference/administrative-units?on=2024-01-01&q=quang+trung")).json();
        assertThat(before).extracting(unit -> unit.get("code").asText()).containsExactly("23281");
        assertThat(before.get(0).get("districtCode").asText()).isEqualTo("608");
        assertThat(Http.get(url("/api/reference/administrative-units?on=2025-07-01&q=quang+trung")).json()).isEmpty();
        // the statistics office writes Đắk Cấm, the province Đăk Cấm
        JsonNode local = Http.get(url("/api/reference/administrative-units?on=2024-01-01&q=%C4%90%C4%83k%20C%E1%BA%A5m"))
                .json();
        assertThat(local).extracting(unit -> unit.get("code").asText()).containsExactly("23311");
        // 51 and 48: 96 + 94 units from 2025-07-01; 272 + 281 communes of their four former provinces before
        assertThat(Http.get(url("/api/reference/administrative-units?on=2025-07-01")).json()).hasSize(96 + 94);
        assertThat(Http.get(url("/api/reference/administrative-units?on=2025-06-30")).json()).hasSize(272 + 281);
        assertThat(Http.get(url("/api/reference/product-taxonomy?on=2023-02-23")).json().get("code").asText())
                .isEqualTo("TAX2018");
        assertThat(Http.get(url("/api/reference/criteria-sets")).json()).isNotEmpty();
    }

    @Test
    void everyScoringSheetOf26Of2026IsServedWithItsCriteriaAndOptions() {
        JsonNode decisions = Http.get(url("/api/reference/criteria-sets")).json();
        assertThat(decisions.findValuesAsText("code")).contains("QD148", "QD26_2026");
        for (JsonNode decision : decisions) {
            int held = decision.get("code").asText().equals("QD26_2026") ? 26 : 0;
            assertThat(decision.get("sheets")).as(decision.toString()).hasSize(held);
        }
        JsonNode food = Http.get(url("/api/reference/criteria-sets/1")).json();
        assertThat(food.get("vi").asText()).isEqualTo("Rau, củ, quả, hạt tươi");
        assertThat(food.get("awaitingCheck").asBoolean()).isFalse();
        assertThat(food.at("/partMaxima/A").asInt()).isEqualTo(40);
        JsonNode valueAdded = food.get("criteria").get(2);
        assertThat(valueAdded.get("code").asText()).isEqualTo("1.3");
        assertThat(valueAdded.get("name").asText()).isEqualTo("Gia tăng giá trị");
        assertThat(valueAdded.at("/options/2/index").asInt()).isEqualTo(2);
        assertThat(valueAdded.at("/options/2/minimumFor").asInt()).isEqualTo(5);
        JsonNode coffee = Http.get(url("/api/reference/criteria-sets/13")).json();
        assertThat(coffee.get("awaitingCheck").asBoolean()).isTrue();
        assertThat(coffee.get("checkAgainstText").toString()).contains("6.1", "6.2");
        assertThat(Http.get(url("/api/reference/criteria-sets/27")).status()).isEqualTo(404);
    }

    private long subjectsInReview(String province) {
        long total = 0;
        for (JsonNode count : Http.get(url("/api/reports/annual-review?year=2026&province=" + province)).json()
                .get("subjectsByLegalForm")) {
            total += count.asLong();
        }
        return total;
    }

    private static String idea(String subject, String commune, String registeredOn) {
        return """
                {"subjectId": "%s", "name": "Gạo Ba Chăm", "groupCode": "I", "criteriaSetCode": "3",
                 "communeCode": "%s", "registeredOn": "%s"}""".formatted(subject, commune, registeredOn);
    }

    private static long registeredIn(JsonNode district, String... communes) {
        long total = 0;
        for (String commune : communes) {
            for (JsonNode figures : district.get("communes")) {
                if (figures.get("communeCode").asText().equals(commune)) {
                    total += figures.get("registered").asLong();
                }
            }
        }
        return total;
    }

    private static JsonNode find(JsonNode list, String field, String value) {
        for (JsonNode item : list) {
            if (item.get(field).asText().equals(value)) {
                return item;
            }
        }
        throw new AssertionError("no " + field + " " + value + " in " + list);
    }

    private long events() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }
}
