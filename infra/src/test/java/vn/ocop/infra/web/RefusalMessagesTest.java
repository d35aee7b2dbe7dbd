package vn.ocop.infra.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import vn.ocop.infra.Api;
import vn.ocop.infra.Http;
import vn.ocop.infra.ServiceTest;

/**
 * A refusal says what the user did wrong, in both languages, with the names officers use — and is logged as
 * an answer: one INFO line with its problem type and correlation id, never a warning with a stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class RefusalMessagesTest extends ServiceTest {

    @Test
    void aNationalNominationBelowNinetyNamesTheNominationThresholdAndTheScore() {
        Api api = new Api(url(""));
        String product = api.approvedProduct(api.registerSubject(), "2024-01-10");
        String evaluation = api.firstProvincialEvaluation(product, "2024-05-01", "35/25/28.5", "35/25/28.5");

        Http.Response refused = api.post("/api/products/" + product + "/national-nomination", """
                {"evaluationId": "%s", "decision": %s}""".formatted(evaluation, Api.decision("PROVINCE", "2024-05-15")));

        assertThat(refused.status()).isEqualTo(422);
        JsonNode problem = refused.json();
        assertThat(problem.get("type").asText()).isEqualTo("urn:ocop:problem:nomination-threshold-not-met");
        assertThat(problem.get("detail").asText()).isEqualTo("A score of 88.50 is below the 90 points the provincial "
                + "council's evaluation needs for a national 5-star nomination.");
        assertThat(problem.get("detailVi").asText()).isEqualTo("Điểm 88,50 thấp hơn mức 90 điểm mà kết quả đánh giá "
                + "của Hội đồng cấp tỉnh cần đạt để đề xuất đánh giá sản phẩm 5 sao quốc gia.");
        assertThat(problem.at("/errors/0/field").asText()).isEqualTo("evaluationId");
    }

    @Test
    void aDistrictRecognitionAfterTheReorganisationSaysTheLevelNoLongerExistsAndWhy() {
        Api api = new Api(url(""));
        String product = api.approvedProduct(api.registerSubject(), "2025-03-01");
        String evaluation = api.firstProvincialEvaluation(product, "2025-09-01", "25/20/15", "25/20/15");

        Http.Response refused = api.post("/api/products/" + product + "/recognition",
                Api.recognition(evaluation, 3, "DISTRICT", "2025-09-20"));

        assertThat(refused.status()).isEqualTo(422);
        JsonNode problem = refused.json();
        assertThat(problem.get("type").asText()).isEqualTo("urn:ocop:problem:authority-level-abolished");
        assertThat(problem.get("detail").asText()).isEqualTo("The district level no longer exists since 2025-07-01 "
                + "(two-tier local government, Law on the Organisation of Local Government No. 72/2025/QH15): on "
                + "2025-09-20 the provincial level decides in its place.");
        assertThat(problem.get("detailVi").asText()).isEqualTo("Cấp huyện không còn tồn tại từ ngày 01/07/2025 "
                + "(chính quyền địa phương hai cấp theo Luật Tổ chức chính quyền địa phương số 72/2025/QH15): vào "
                + "ngày 20/09/2025, cấp tỉnh quyết định thay.");
        assertThat(problem.at("/errors/0/field").asText()).isEqualTo("decision.level");
    }

    @Test
    void aNewAccountCarriesAOneTimePasswordThatMayNotContainTheAccountsName() {
        String username = "mot.lan." + System.nanoTime() % 1_000_000;
        Http.Response created = Http.postJson(url("/api/accounts"), """
                {"username": "%s", "role": "VIEWER"}""".formatted(username));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().has("temporaryPassword")).isFalse();
        String oneTime = created.json().get("oneTimePassword").asText();
        assertThat(oneTime).hasSize(24);

        Http.Response refused = Http.request("POST", url("/api/account/password"), "application/json", """
                {"currentPassword": "%s", "newPassword": "dai-hon-muoi-hai-%s"}""".formatted(oneTime, username),
                Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString((username + ":" + oneTime)
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("detail").asText()).isEqualTo("The new password must differ from the current "
                + "one and must not contain the account's name.");
        assertThat(refused.json().get("detailVi").asText()).isEqualTo("Mật khẩu mới phải khác mật khẩu hiện tại và "
                + "không được chứa tên tài khoản.");
    }

    @Test
    void readingARecordThatWasNeverRecordedWithAVersionIsNotFoundAtOnce() {
        String nobody = UUID.randomUUID().toString();
        long started = System.nanoTime();

        Http.Response product = Http.get(url("/api/products/" + nobody + "?minVersion=0"));
        Http.Response subject = Http.get(url("/api/subjects/" + nobody + "?minVersion=3"));

        assertThat(product.status()).isEqualTo(404);
        assertThat(product.json().get("type").asText()).isEqualTo("urn:ocop:problem:not-found");
        assertThat(subject.status()).isEqualTo(404);
        assertThat((System.nanoTime() - started) / 1_000_000).as("no read-your-writes wait, ms").isLessThan(4_000);
    }

    @Test
    void aRefusedCreationIsLoggedAsOneInfoLineWithoutAStackTrace(CapturedOutput output) {
        String correlation = "refusal-" + System.nanoTime();
        Http.Response refused = Http.post(url("/api/products"), "application/json", """
                {"subjectId": "%s", "name": "Mật ong", "groupCode": "III", "criteriaSetCode": "18",
                 "communeCode": "23374", "registeredOn": "2024-01-10"}""".formatted(UUID.randomUUID()),
                Map.of("X-Correlation-Id", correlation));

        assertThat(refused.status()).isEqualTo(422);
        String logged = output.getAll();
        assertThat(logged.lines().filter(line -> line.contains(correlation)).toList()).singleElement()
                .satisfies(line -> assertThat(line).contains("INFO")
                        .contains("Command refused: urn:ocop:problem:subject-not-active"));
        assertThat(logged).doesNotContain("Exception occurred while trying to create an aggregate")
                .doesNotContain("ProductRuleBroken").doesNotContain("\tat vn.ocop");
    }
}
