package vn.ocop.infra.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import vn.ocop.events.common.AuthorityLevel;
import vn.ocop.infra.loopback.LoopbackApi;
import vn.ocop.reference.AdministrativeUnits;

/**
 * Records the good rows of a checked list as the commands an officer would send, through the service's own API
 * with the importing user's credentials (so the same access rules, jurisdiction and checks apply, and the user
 * is recorded as the one who acted), each command under an idempotency key made from the row's content: the same
 * row imported again is answered as the first time and records nothing more. A product's steps carry the list's
 * dates. A product the list shows evaluated went through the idea and plan decisions the list does not
 * document: they are recorded on the registration day and reference the import; a product without evaluation
 * is recorded as a registered idea only. Evaluations record the council's mean part scores as one line. A later
 * step (upgrade, re-evaluation, revocation) goes to the product its earlier row recorded, or to the product of
 * that subject and name in the register; each command is judged by the service on the date the list gives it,
 * so a renewal decided before a lapse the scheduler has already recorded supersedes that lapse.
 */
final class ListImport {

    /** The header that marks a command as part of an import (honoured only for imports this node runs). */
    static final String MARK = "X-Ocop-Import";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LoopbackApi api;
    private final String importId;
    private final AdministrativeUnits units;
    private final Map<String, String> subjects = new HashMap<>();
    private final Map<String, String> products = new HashMap<>();
    private final AtomicInteger done = new AtomicInteger();

    ListImport(LoopbackApi api, String importId, AdministrativeUnits units) {
        this.api = api;
        this.importId = importId;
        this.units = units;
    }

    int done() {
        return done.get();
    }

    /** Records every row in order; stops at the first row a command refuses, and says which. */
    ImportReport.Applied apply(List<ListCheck.Listed> rows) {
        for (ListCheck.Listed row : rows) {
            String refusal = record(row);
            if (refusal != null) {
                return new ImportReport.Applied(done.get(), api.accepted(), row.row(), refusal);
            }
            done.incrementAndGet();
        }
        return new ImportReport.Applied(done.get(), api.accepted(), null, null);
    }

    /** The row's commands; null when all were accepted, else what refused which step. */
    private String record(ListCheck.Listed row) {
        Map<String, String> mark = Map.of(MARK, importId + ":" + row.row());
        String key = "import-" + digest(row.keyText());
        if (row.step() != ListCheck.Step.FIRST) {
            return later(row, key, mark);
        }
        Subject subject = subject(row, mark);
        if (subject.id() == null) {
            return "subject: " + subject.refusal();
        }
        LoopbackApi.Answer idea = post("/api/products", json(Map.of("subjectId", subject.id(), "name", row.productName(),
                "groupCode", row.groupCode(), "communeCode", row.communeCode(), "registeredOn", row.registeredOn(),
                "description", "Nhập từ danh sách OCOP"), "criteriaSetCode", row.productSetCode()), key + "-idea", mark);
        if (!idea.accepted()) {
            return "idea: " + idea.problem();
        }
        String product = LoopbackApi.id(idea.body());
        products.put(row.product(), product);
        ListCheck.Evaluation evaluation = row.evaluation();
        if (evaluation == null) {
            return null; // the list says nothing of the product's later steps
        }
        String path = "/api/products/" + product;
        LocalDate day = row.registeredOn();
        String stepLevel = day.isBefore(AdministrativeUnits.REORGANISED_ON) ? "DISTRICT" : "COMMUNE";
        // the list documents no idea or plan decision: the import's own reference stands for them, made from the
        // row so that importing it again sends the same commands
        ObjectNode stepDecision = decision("NK-" + key.substring("import-".length(), "import-".length() + 10), day,
                "Danh sách OCOP nhập vào hệ thống", stepLevel);
        String[][] steps = {
            {"/idea-decision", json(Map.of("accepted", true, "decision", stepDecision, "reasons", List.of()))},
            {"/business-plan", json(Map.of("submittedOn", day, "title", "Theo danh sách OCOP",
                    "summary", "Phương án không có trong danh sách nhập"))},
            {"/business-plan/decision", json(Map.of("accepted", true, "decision", stepDecision,
                    "reasons", List.of()))}};
        for (String[] step : steps) {
            LoopbackApi.Answer answer = post(path + step[0], step[1], key + step[0].replace('/', '-'), mark);
            if (!answer.accepted()) {
                return step[0] + ": " + answer.problem();
            }
        }
        ListCheck.DistrictEvaluation district = evaluation.forwarded();
        if (district != null) {
            String refused = forward(path, key, mark, district, evaluation);
            if (refused != null) {
                return refused;
            }
        }
        return evaluateAndRecognise(path, key, mark, row);
    }

    /** A later step of a product listed earlier or already in the register; null when all were accepted. */
    private String later(ListCheck.Listed row, String key, Map<String, String> mark) {
        String product = products.computeIfAbsent(row.product(), identity -> registered(row));
        if (product == null) {
            return "product: no product " + row.productName() + " of registration number "
                    + row.registrationNumber() + " in the list before this row or in the register";
        }
        String path = "/api/products/" + product;
        ListCheck.Revocation revocation = row.revocation();
        if (revocation != null) {
            LoopbackApi.Answer revoked = post(path + "/certificate/revocation", json(Map.of(
                    "reasonCode", revocation.reasonCode(), "concludedOn", revocation.concludedOn(),
                    "decision", decision(revocation.number(), revocation.decidedOn(), revocation.issuer(),
                            revocation.level().name()))), key + "-revocation", mark);
            return revoked.accepted() ? null : "revocation: " + revoked.problem();
        }
        LocalDate filedOn = row.evaluation().dossierFiledOn();
        if (filedOn != null) {
            LoopbackApi.Answer filed = post(path + "/certificate/re-evaluation-dossier",
                    json(Map.of("filedOn", filedOn)), key + "-dossier", mark);
            if (!filed.accepted()) {
                return "re-evaluation dossier: " + filed.problem();
            }
        }
        return evaluateAndRecognise(path, key, mark, row);
    }

    /** The row's evaluation and, when the list gives one, the recognition on it; null when all were accepted. */
    private String evaluateAndRecognise(String path, String key, Map<String, String> mark, ListCheck.Listed row) {
        ListCheck.Evaluation evaluation = row.evaluation();
        Map<String, Object> scored = new HashMap<>(Map.of("kind", evaluation.kind().name(),
                "level", evaluation.level().name(),
                "round", evaluation.on().getYear() + "-" + (evaluation.on().getMonthValue() <= 6 ? 1 : 2),
                "evaluatedOn", evaluation.on(), "minimumsMetUpTo", evaluation.minimumsMetUpTo(),
                "memberScores", List.of(Map.of("partA", evaluation.partA(), "partB", evaluation.partB(),
                        "partC", evaluation.partC()))));
        if (evaluation.productCode() != null) {
            scored.put("officialProductCode", evaluation.productCode());
        }
        LoopbackApi.Answer evaluated = post(path + "/evaluations", json(scored, null, null), key + "-evaluation",
                mark);
        if (!evaluated.accepted()) {
            return "evaluation: " + evaluated.problem();
        }
        ListCheck.Recognition recognition = row.recognition();
        if (recognition == null) {
            return null;
        }
        LoopbackApi.Answer recognised = post(path + "/recognition", json(Map.of(
                "evaluationId", LoopbackApi.id(evaluated.body()), "stars", recognition.stars(),
                "decision", decision(recognition.number(), recognition.decidedOn(), recognition.issuer(),
                        recognition.level().name())), null, null), key + "-recognition", mark);
        return recognised.accepted() ? null : "recognition: " + recognised.problem();
    }

    /** The district council's evaluation and its forwarding to the province; null when both were accepted. */
    private String forward(String path, String key, Map<String, String> mark, ListCheck.DistrictEvaluation district,
                           ListCheck.Evaluation evaluation) {
        Map<String, Object> scored = new HashMap<>(Map.of("kind", "FIRST", "level", "DISTRICT",
                "round", district.on().getYear() + "-" + (district.on().getMonthValue() <= 6 ? 1 : 2),
                "evaluatedOn", district.on(), "minimumsMetUpTo", evaluation.minimumsMetUpTo(),
                "memberScores", List.of(Map.of("partA", district.partA(), "partB", district.partB(),
                        "partC", district.partC()))));
        LoopbackApi.Answer evaluated = post(path + "/evaluations", json(scored, null, null),
                key + "-district-evaluation", mark);
        if (!evaluated.accepted()) {
            return "district evaluation: " + evaluated.problem();
        }
        LoopbackApi.Answer forwarded = post(path + "/forwarding", json(Map.of(
                "evaluationId", LoopbackApi.id(evaluated.body()), "to", "PROVINCE",
                "forwardedOn", district.forwardedOn()), null, null), key + "-forwarding", mark);
        return forwarded.accepted() ? null : "forwarding: " + forwarded.problem();
    }

    /** The row's subject: its id, or why it could be neither registered nor found. */
    private record Subject(String id, String refusal) {
    }

    /**
     * The subject of the row: registered (in the unit its commune belongs to today) unless a subject with its
     * registration number exists, which is then used as it is.
     */
    private Subject subject(ListCheck.Listed row, Map<String, String> mark) {
        String known = subjects.get(row.registrationNumber());
        if (known != null) {
            return new Subject(known, null);
        }
        String commune = units.inForceOn(row.communeCode(), LocalDate.now())
                ? row.communeCode()
                : units.currentUnitOf(row.communeCode()).map(AdministrativeUnits.CurrentUnit::code)
                        .orElse(row.communeCode());
        Map<String, Object> representative = new HashMap<>(Map.of("fullName", row.representative(),
                "position", row.legalForm().name().equals("HOUSEHOLD_BUSINESS") ? "Chủ hộ" : "Người đại diện"));
        if (row.phone() != null) {
            representative.put("phone", row.phone());
        }
        String body = json(Map.of("legalForm", row.legalForm().name(), "name", row.subjectName(),
                "registrationNumber", row.registrationNumber(), "communeCode", commune,
                "representative", representative), null, null);
        LoopbackApi.Answer registered = post("/api/subjects", body,
                "import-subject-" + digest(row.registrationNumber() + "|" + body), mark);
        String id = null;
        if (registered.accepted()) {
            id = LoopbackApi.id(registered.body());
        } else if (registered.problem().equals("duplicate-registration-number")) {
            id = registeredSubject(row.registrationNumber());
        }
        if (id != null) {
            subjects.put(row.registrationNumber(), id);
        }
        return new Subject(id, registered.problem());
    }

    /** The subject of that registration number in the register, or null. */
    private String registeredSubject(String registrationNumber) {
        LoopbackApi.Answer found = api.send("GET", "/api/subjects?size=5&q="
                + URLEncoder.encode(registrationNumber, StandardCharsets.UTF_8), null, Map.of());
        for (JsonNode item : found.body().path("items")) {
            if (item.path("registrationNumber").asText().equals(registrationNumber)) {
                return item.path("id").asText();
            }
        }
        return null;
    }

    /** The product of the row's subject and name in the register (names compared without diacritics), or null. */
    private String registered(ListCheck.Listed row) {
        String subject = subjects.computeIfAbsent(row.registrationNumber(), this::registeredSubject);
        if (subject == null) {
            return null;
        }
        for (int page = 0; ; page++) {
            JsonNode found = api.send("GET", "/api/products?size=200&page=" + page + "&subjectId="
                    + URLEncoder.encode(subject, StandardCharsets.UTF_8), null, Map.of()).body();
            for (JsonNode item : found.path("items")) {
                if (ListCheck.productIdentity(row.registrationNumber(), item.path("name").asText())
                        .equals(row.product())) {
                    return item.path("productId").asText();
                }
            }
            if (found.path("items").size() < 200) {
                return null;
            }
        }
    }

    private LoopbackApi.Answer post(String path, String body, String key, Map<String, String> mark) {
        Map<String, String> headers = new HashMap<>(mark);
        headers.put("Idempotency-Key", key);
        return api.send("POST", path, body, headers);
    }

    private static ObjectNode decision(String number, LocalDate date, String issuer, String level) {
        ObjectNode decision = JSON.createObjectNode();
        decision.put("number", number);
        decision.put("date", date.toString());
        decision.put("issuer", issuer);
        decision.put("level", AuthorityLevel.valueOf(level).name());
        return decision;
    }

    /** A request body of {@code fields} (dates as yyyy-MM-dd), with one more field when its value is given. */
    private static String json(Map<String, ?> fields, String optionalName, String optionalValue) {
        Map<String, Object> values = new HashMap<>();
        fields.forEach((name, value) -> values.put(name, value instanceof LocalDate date ? date.toString() : value));
        ObjectNode node = JSON.valueToTree(values);
        if (optionalName != null && optionalValue != null) {
            node.put(optionalName, optionalValue);
        }
        return node.toString();
    }

    private static String json(Map<String, ?> fields) {
        return json(fields, null, null);
    }

    static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8))).substring(0, 40);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
