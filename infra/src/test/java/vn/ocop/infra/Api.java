package vn.ocop.infra;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import vn.ocop.reference.SampleAnswers;

/** Calls to the service's command API that tests share: one base URL, JSON bodies, optional headers. */
public final class Api {

    private final String base;

    public Api(String base) {
        this.base = base;
    }

    public Http.Response post(String path, String json) {
        return Http.post(base + path, "application/json", json, Map.of());
    }

    public Http.Response post(String path, String json, Map<String, String> headers) {
        return Http.post(base + path, "application/json", json, headers);
    }

    public Http.Response patch(String path, String json, Map<String, String> headers) {
        return Http.request("PATCH", base + path, "application/json", json, headers);
    }

    /** Posts and insists on a 2xx answer, returning its JSON. */
    public JsonNode accepted(String path, String json) {
        Http.Response response = post(path, json);
        if (response.status() / 100 != 2) {
            throw new AssertionError("POST " + path + " answered " + response.status() + ": " + response.body());
        }
        return response.json();
    }

    public String registerSubject() {
        return accepted("/api/subjects", Subjects.registration(Subjects.uniqueRegistrationNumber())).get("id")
                .asText();
    }

    /** A product of {@code subjectId} registered, accepted and with its plan approved, the steps dated from {@code start}. */
    public String approvedProduct(String subjectId, String start) {
        return approvedProduct(subjectId, start, "Sâm Ngọc Linh");
    }

    /** The same, under another name. */
    public String approvedProduct(String subjectId, String start, String name) {
        java.time.LocalDate day = java.time.LocalDate.parse(start);
        String productId = accepted("/api/products", """
                {"subjectId": "%s", "name": "%s", "groupCode": "III", "criteriaSetCode": "18",
                 "communeCode": "23374", "description": "Củ sâm tươi", "registeredOn": "%s"}"""
                .formatted(subjectId, name, day)).get("id").asText();
        accepted("/api/products/" + productId + "/idea-decision",
                stepDecision(true, "DISTRICT", day.plusDays(10).toString()));
        accepted("/api/products/" + productId + "/business-plan", """
                {"submittedOn": "%s", "title": "Phương án sản xuất sâm", "summary": "Vùng trồng 5 ha"}"""
                .formatted(day.plusMonths(1)));
        accepted("/api/products/" + productId + "/business-plan/decision",
                stepDecision(true, "DISTRICT", day.plusMonths(2).toString()));
        return productId;
    }

    /**
     * A product of {@code subjectId} under {@code name}, taken from 2024-01-10 to its recognition at {@code stars}
     * by the level that recognises them.
     */
    public String certifiedProduct(String subjectId, String name, int stars) {
        String product = approvedProduct(subjectId, "2024-01-10", name);
        String points = stars == 3 ? "25/20/15" : "35/20/25";
        String level = stars == 3 ? "DISTRICT" : "PROVINCE";
        String evaluationId = level.equals("PROVINCE")
                ? firstProvincialEvaluation(product, "2024-05-01", points, points)
                : accepted("/api/products/" + product + "/evaluations",
                        evaluation("FIRST", level, "2024-05-01", points, points)).get("createdId").asText();
        accepted("/api/products/" + product + "/recognition", recognition(evaluationId, stars, level, "2024-06-01"));
        return product;
    }

    /**
     * A product of {@code subjectId} recognised 4★ by the province on 2022-06-01 under 1048: its renewal notice
     * (2025-05-02) and its expiry (2025-06-01) are both past, so both deadlines are due at once.
     */
    public String productRecognisedOn20220601(String subjectId) {
        String product = accepted("/api/products", """
                {"subjectId": "%s", "name": "Rượu cần Kon Plông", "groupCode": "2", "communeCode": "23377",
                 "registeredOn": "2021-10-01"}""".formatted(subjectId)).get("id").asText();
        accepted("/api/products/" + product + "/idea-decision", stepDecision(true, "DISTRICT", "2021-10-15"));
        accepted("/api/products/" + product + "/business-plan", """
                {"submittedOn": "2021-11-01", "title": "Phương án"}""");
        accepted("/api/products/" + product + "/business-plan/decision", stepDecision(true, "DISTRICT", "2021-12-01"));
        String evaluationId = firstProvincialEvaluation(product, "2022-05-01", "30/20/25", "28/20/27");
        accepted("/api/products/" + product + "/recognition", recognition(evaluationId, 4, "PROVINCE", "2022-06-01"));
        return product;
    }

    /**
     * A province council's first evaluation of {@code product} on {@code date}, members scoring {@code first} and
     * {@code second}. Under 1048 and 148 (until 2025-07-05) the province evaluates only what a district council
     * forwarded: a district evaluation of 72 points is recorded 20 days before and forwarded 10 days before.
     */
    public String firstProvincialEvaluation(String product, String date, String first, String second) {
        java.time.LocalDate day = java.time.LocalDate.parse(date);
        if (day.isBefore(java.time.LocalDate.parse("2025-07-06"))) {
            String district = accepted("/api/products/" + product + "/evaluations",
                    evaluation("FIRST", "DISTRICT", day.minusDays(20).toString(), "30/20/22", "30/20/22"))
                    .get("createdId").asText();
            accepted("/api/products/" + product + "/forwarding", """
                    {"evaluationId": "%s", "to": "PROVINCE", "forwardedOn": "%s"}"""
                    .formatted(district, day.minusDays(10)));
        }
        return accepted("/api/products/" + product + "/evaluations",
                evaluation("FIRST", "PROVINCE", date, first, second)).get("createdId").asText();
    }

    public static String decision(String level, String date) {
        return """
                {"number": "%s/QĐ-UBND", "date": "%s", "issuer": "UBND %s", "level": "%s"}"""
                .formatted(date.replace("-", ""), date, level.toLowerCase(), level);
    }

    public static String stepDecision(boolean accepted, String level, String date) {
        return """
                {"accepted": %s, "decision": %s, "reasons": %s}"""
                .formatted(accepted, decision(level, date), accepted ? "[]" : "[\"Hồ sơ chưa đầy đủ\"]");
    }

    /** An evaluation body whose two members give {@code first} and {@code second} as (A, B, C). */
    public static String evaluation(String kind, String level, String date, String first, String second) {
        return """
                {"kind": "%s", "level": "%s", "round": "%s", "evaluatedOn": "%s",
                 "memberScores": [%s, %s], "minimumsMetUpTo": 5, "officialProductCode": "62-23374-001-%s"}"""
                .formatted(kind, level, date.substring(0, 4) + "-1", date, member(first), member(second),
                        date.substring(0, 4));
    }

    /**
     * An evaluation body under 26/2026: one scoring sheet of product set 18 (the set of the products these tests
     * register) per total in {@code totals}, each with every mandatory minimum met.
     */
    public static String evaluationBySheets(String kind, String level, String date, int... totals) {
        return evaluationBySheets("18", kind, level, date, totals);
    }

    /** The same, for a product of product set {@code set}. */
    public static String evaluationBySheets(String set, String kind, String level, String date, int... totals) {
        java.util.List<String> sheets = new java.util.ArrayList<>();
        for (int index = 0; index < totals.length; index++) {
            sheets.add(sheet("Thành viên " + (index + 1), SampleAnswers.of(set).totalling(totals[index], 5)));
        }
        return """
                {"kind": "%s", "level": "%s", "round": "%s", "evaluatedOn": "%s",
                 "memberSheets": [%s], "officialProductCode": "62-23374-001-%s"}"""
                .formatted(kind, level, date.substring(0, 4) + "-1", date, String.join(", ", sheets),
                        date.substring(0, 4));
    }

    /** One member's sheet as the API takes it: the member and, per criterion code, the option chosen. */
    public static String sheet(String member, Map<String, Integer> answers) {
        return """
                {"member": "%s", "options": {%s}}""".formatted(member, answers.entrySet().stream()
                .map(answer -> "\"" + answer.getKey() + "\": " + answer.getValue())
                .collect(java.util.stream.Collectors.joining(", ")));
    }

    private static String member(String parts) {
        String[] points = parts.split("/");
        return """
                {"partA": %s, "partB": %s, "partC": %s}""".formatted(points[0], points[1], points[2]);
    }

    public static String recognition(String evaluationId, int stars, String level, String date) {
        return """
                {"evaluationId": "%s", "stars": %d, "decision": %s}"""
                .formatted(evaluationId, stars, decision(level, date));
    }
}
