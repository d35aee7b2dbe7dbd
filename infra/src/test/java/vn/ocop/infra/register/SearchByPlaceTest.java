package vn.ocop.infra.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.ocop.infra.Api;
import vn.ocop.infra.Http;
import vn.ocop.infra.ServiceTest;
import vn.ocop.infra.Subjects;

/**
 * A citizen or an officer types a place or a producer, the way one types: without diacritics, in any case. The
 * register finds the products of that producer, and of a commune or district by any name the place has had —
 * before the 2025 reorganisation and after it.
 */
class SearchByPlaceTest extends ServiceTest {

    private String subject;

    private Set<String> found(String typed) {
        Http.Response answer = Http.get(url("/api/products?size=200&subjectId=" + subject + "&q="
                + URLEncoder.encode(typed, StandardCharsets.UTF_8)));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode page = answer.json();
        Set<String> ids = new TreeSet<>();
        page.get("items").forEach(item -> ids.add(item.get("productId").asText()));
        return ids;
    }

    @Test
    void placesOldAndNewAndTheProducersNameFindTheirProducts() {
        Api api = new Api(url(""));
        String run = UUID.randomUUID().toString().substring(0, 6);
        subject = api.accepted("/api/subjects", Subjects.registration(Subjects.uniqueRegistrationNumber())
                .replace("Hợp tác xã Sâm Ngọc Linh Tu Mơ Rông", "Hợp tác xã Mật Ong Đất Đỏ " + run)).get("id").asText();
        // Thị trấn Plei Kần, district Ngọc Hồi, taken over by Xã Bờ Y on 2025-07-01
        String pleiKan = api.accepted("/api/products", """
                {"subjectId": "%s", "name": "Mật ong hoa cà phê", "groupCode": "I", "criteriaSetCode": "4",
                 "communeCode": "23377", "registeredOn": "2024-03-01"}""".formatted(subject)).get("id").asText();
        // Phường Kon Tum since 2025-07-01, which took over Phường Quang Trung of Thành phố Kon Tum
        String konTum = api.accepted("/api/products", """
                {"subjectId": "%s", "name": "Mật ong rừng", "groupCode": "I", "criteriaSetCode": "4",
                 "communeCode": "23293", "registeredOn": "2025-08-01"}""".formatted(subject)).get("id").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> found("mat ong").size() == 2);

        assertThat(found("PLEI KAN")).as("the old commune").containsExactly(pleiKan);
        assertThat(found("ngoc hoi")).as("the old district").containsExactly(pleiKan);
        assertThat(found("Bo Y")).as("the unit that took the commune over").containsExactly(pleiKan);
        assertThat(found("phuong kon tum")).as("the new unit").containsExactly(konTum);
        assertThat(found("QUANG TRUNG")).as("an old commune the new unit absorbed").containsExactly(konTum);
        assertThat(found("thanh pho kon tum")).as("the old district of what it absorbed").containsExactly(konTum);
        assertThat(found("hop tac xa mat ong dat do " + run)).as("the producer, typed plainly")
                .containsExactlyInAnyOrder(pleiKan, konTum);
        assertThat(found("HỢP TÁC XÃ MẬT ONG ĐẤT ĐỎ " + run.toUpperCase())).as("and in capitals with diacritics")
                .containsExactlyInAnyOrder(pleiKan, konTum);
        assertThat(found("hoa ca phe")).as("the product's name").containsExactly(pleiKan);
        assertThat(found("dak glei")).as("a place neither lies in").isEmpty();
    }
}
