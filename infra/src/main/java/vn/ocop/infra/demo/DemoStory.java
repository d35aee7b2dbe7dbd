package vn.ocop.infra.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import vn.ocop.command.rulebook.CriteriaSet;
import vn.ocop.command.rulebook.Rulebook;
import vn.ocop.events.common.AuthorityLevel;
import vn.ocop.events.product.EvaluationKind;
import vn.ocop.events.subject.LegalForm;
import vn.ocop.infra.loopback.LoopbackApi;
import vn.ocop.reference.AdministrativeUnits;
import vn.ocop.reference.SampleAnswers;
import vn.ocop.reference.ScoringSheets;

/**
 * A fictional programme of the new Quảng Ngãi, the same at every load (seeded): on the former Kon Tum's side
 * sixty subjects of every legal form in all ten district-level units, on the former Quảng Ngãi's two in each
 * of its districts with communes, some two hundred products across the groups, evaluated and
 * recognised from 2019 to 2025 under the criteria and by the authorities of their dates, some upgraded,
 * renewed or revoked, the others left to lapse; budget lines of every source for 2019–2026 and the grants paid
 * from them;
 * Decision 1392's plan and its 2021 amendment. Every name ends in "(minh họa)": nothing here is real.
 */
final class DemoStory {

    /** What a load did. */
    record Outcome(int subjects, int products, int recognitions, long commandsAccepted,
                   Map<String, Long> commandsRefused) {
    }

    static final String FICTIONAL = " (minh họa)";
    private static final long SEED = 1392;
    /** The former Kon Tum, whose budget lines until 2025 pay only its own subjects. */
    private static final String KON_TUM = "62";
    private static final String QUANG_NGAI = "51";
    private static final LocalDate TAXONOMY_2021 = LocalDate.of(2023, 2, 24);
    private static final LocalDate DISTRICTS_ABOLISHED = AdministrativeUnits.REORGANISED_ON;
    /** The Ministry of Agriculture and Rural Development merged into the Ministry of Agriculture and Environment. */
    private static final LocalDate MINISTRY_OF_AGRICULTURE_AND_ENVIRONMENT = LocalDate.of(2025, 3, 1);

    private static final String[][] PRODUCTS = {
        // group 1 / I: food — name, 2021 set
        {"1", "I", "4", "Mật ong rừng"}, {"1", "I", "3", "Gạo Ba Chăm"}, {"1", "I", "1", "Măng le khô"},
        {"1", "I", "2", "Thịt heo gác bếp"}, {"1", "I", "1", "Mắc ca sấy"}, {"1", "I", "3", "Miến dong"},
        {"1", "I", "1", "Chuối sấy dẻo"}, {"1", "I", "2", "Cá tầm"}, {"1", "I", "1", "Tiêu đen"},
        // group 2 / II: beverages
        {"2", "II", "15", "Rượu cần"}, {"2", "II", "17", "Trà dây"}, {"2", "II", "17", "Cà phê bột Robusta"},
        {"2", "II", "15", "Rượu sim rừng"}, {"2", "II", "17", "Trà hoa vàng"},
        // group 3 / III: herbal
        {"3", "III", "18", "Sâm dây"}, {"3", "III", "18", "Đảng sâm"}, {"3", "III", "20", "Tinh dầu sả chanh"},
        {"3", "III", "18", "Cao lá vằng"}, {"3", "III", "19", "Xà phòng thảo dược"},
        // group 4 / IV: fabrics, handicrafts
        {"4", "IV", "22", "Thổ cẩm Xơ Đăng"}, {"4", "IV", "21", "Gùi mây tre"}, {"4", "IV", "22", "Khăn dệt Ba Na"},
        // group 5 / V: souvenirs, ornamental
        {"5", "V", "24", "Lan rừng"}, {"5", "V", "24", "Cây cảnh đá"},
        // group 6 / VI: tourism
        {"6", "VI", "26", "Du lịch cộng đồng làng"}, {"6", "VI", "26", "Homestay bản"}};

    private static final String[] PEOPLE = {"A Thuy", "Y Hương", "Nguyễn Văn Minh", "Trần Thị Lan", "A Blong",
        "Y Nhí", "Lê Văn Hùng", "Phạm Thị Hoa", "A Sang", "Y Mai", "Đinh Văn Tú", "Hoàng Thị Thu"};

    private final LoopbackApi api;
    private final AdministrativeUnits units = AdministrativeUnits.load();
    private final Rulebook rules = Rulebook.bundled();
    private final AtomicInteger recognitions = new AtomicInteger();
    private final AtomicInteger products = new AtomicInteger();
    private final AtomicInteger officialCodes = new AtomicInteger();
    private final List<Recognised> recognised = java.util.Collections.synchronizedList(new ArrayList<>());

    /** A product with a certificate, and the year it was first recognised. */
    private record Recognised(String productId, String subjectId, int year) {
    }

    DemoStory(LoopbackApi api) {
        this.api = api;
    }

    Outcome tell() {
        plan();
        List<String> budgetLines = budgets();
        List<Subject> subjects = subjects();
        ExecutorService workers = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> stories = new ArrayList<>();
            for (Subject subject : subjects) {
                stories.add(workers.submit(() -> productsOf(subject)));
            }
            for (Future<?> story : stories) {
                story.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            workers.shutdown();
        }
        support(budgetLines, subjects);
        return new Outcome(subjects.size(), products.get(), recognitions.get(), api.accepted(), api.refused());
    }

    /** Decision 1392 (2018) and its 2021 amendment. */
    private void plan() {
        JsonNode adopted = api.post("/api/programme-plans", """
                {"title": "Chương trình Mỗi xã một sản phẩm tỉnh Kon Tum giai đoạn 2018–2020, định hướng đến năm 2030",
                 "fromYear": 2018, "toYear": 2030,
                 "targets": {"plannedProducts": 138, "keyProducts": 85, "productsToProvincialLevel": 10,
                             "plannedProductsByGroup": {"agricultureForestryAquaticMedicinal": 108,
                                                        "nonAgriculturalDistinctive": 10, "tourism": 14},
                             "supportedProductsPerDistrictPerYear": 1, "supportedProductsFromYear": 2025},
                 "decision": %s}""".formatted(decision("1392/QĐ-UBND", "2018-12-12", "PROVINCE")));
        if (adopted == null) {
            return;
        }
        api.patch("/api/programme-plans/" + LoopbackApi.id(adopted), """
                {"toYear": 2030,
                 "targets": {"plannedProducts": 138, "keyProducts": 85, "productsToProvincialLevel": 10,
                             "starTargets": [{"minStars": 3, "products": 250, "byYear": 2025}],
                             "supportedProductsPerDistrictPerYear": 1, "supportedProductsFromYear": 2025,
                             "productsInNationalValueChains": 10},
                 "decision": %s}""".formatted(decision("512/QĐ-UBND", "2021-04-07", "PROVINCE")), 0);
    }

    /** A budget line per funding source and year, 2019–2026 (district budgets until the district level ended). */
    private List<String> budgets() {
        Random random = new Random(SEED);
        List<String> lines = new ArrayList<>();
        String[] sources = {"CENTRAL_BUDGET", "PROVINCIAL_BUDGET", "DISTRICT_BUDGET", "COMMUNE_BUDGET", "SOCIALISED"};
        for (int year = 2019; year <= 2026; year++) {
            for (String source : sources) {
                if (year > 2025 && source.equals("DISTRICT_BUDGET")) {
                    continue;
                }
                long amount = (2 + random.nextInt(12)) * 250_000_000L;
                JsonNode line = api.post("/api/budgets", """
                        {"provinceCode": "%s", "source": "%s", "fiscalYear": %d, "amount": %d, "decision": %s}"""
                        .formatted(year < 2026 ? KON_TUM : QUANG_NGAI, source, year, amount,
                                decision((100 + year % 100) + "/QĐ-UBND", year + "-01-15", "PROVINCE")));
                if (line != null) {
                    lines.add(LoopbackApi.id(line) + "|" + source + "|" + year);
                }
            }
        }
        return lines;
    }

    /** A subject and the former province (before 2025-07-01) whose committee decided its products until then. */
    private record Subject(String id, int index, String communeCode, String placeName, String formerProvince) {
    }

    /**
     * Six subjects in each district-level unit of the former Kon Tum, two in each of the former Quảng Ngãi's, of
     * every legal form, in communes that exist today under a code they had before (so that every step of their
     * products, from 2019 on, names a unit in force on its date).
     */
    private List<Subject> subjects() {
        Random random = new Random(SEED + 1);
        List<Subject> subjects = new ArrayList<>();
        int index = 0;
        for (AdministrativeUnits.District district : units.districts()) {
            List<AdministrativeUnits.CurrentUnit> communes = units.currentUnits().stream()
                    .filter(unit -> unit.oldDistricts().stream().anyMatch(old -> old.code().equals(district.code()))
                            && units.districtOf(unit.code()).filter(district::equals).isPresent())
                    .toList();
            if (communes.isEmpty()) {
                // an island district without communes (Lý Sơn) names no unit before it became a special zone
                continue;
            }
            boolean kontum = district.formerProvinceCode().equals(KON_TUM);
            String place = district.name().replaceFirst("^(Huyện|Thành phố|Thị xã) ", "");
            for (int n = 0; n < (kontum ? 6 : 2); n++, index++) {
                AdministrativeUnits.CurrentUnit commune = communes.get(random.nextInt(communes.size()));
                LegalForm form = LegalForm.values()[index % LegalForm.values().length];
                String name = switch (form) {
                    case COOPERATIVE -> "Hợp tác xã Nông nghiệp " + place + " " + (n + 1);
                    case ENTERPRISE -> "Công ty TNHH Nông sản " + place + " " + (n + 1);
                    case COOPERATIVE_GROUP -> "Tổ hợp tác sản xuất " + place + " " + (n + 1);
                    case HOUSEHOLD_BUSINESS -> "Hộ kinh doanh " + PEOPLE[random.nextInt(PEOPLE.length)] + " " + place;
                };
                JsonNode registered = api.post("/api/subjects", """
                        {"legalForm": "%s", "name": "%s", "registrationNumber": "%s", "communeCode": "%s",
                         "representative": {"fullName": "%s", "position": "%s", "phone": "0900 %03d %03d"},
                         "certifications": %s}""".formatted(form, name + FICTIONAL,
                        district.formerProvinceCode() + String.format("%08d", 13920000 + index), commune.code(),
                        PEOPLE[random.nextInt(PEOPLE.length)] + FICTIONAL,
                        form == LegalForm.HOUSEHOLD_BUSINESS ? "Chủ hộ" : "Giám đốc",
                        random.nextInt(1000), random.nextInt(1000),
                        random.nextInt(3) == 0 ? "[\"VietGAP\"]" : "[]"));
                if (registered != null) {
                    subjects.add(new Subject(LoopbackApi.id(registered), index, commune.code(), place,
                            kontum ? "Kon Tum" : "Quảng Ngãi"));
                }
            }
        }
        return subjects;
    }

    /** Two or three products of a subject, each taken as far through the cycle as its story goes. */
    private void productsOf(Subject subject) {
        // seeds of neighbouring subjects spread apart: java.util.Random's first draws follow nearby seeds closely
        Random random = new Random(SEED ^ (subject.index() + 1) * 0x9E3779B97F4A7C15L);
        int count = 2 + random.nextInt(2);
        for (int n = 0; n < count; n++) {
            String[] kind = PRODUCTS[random.nextInt(PRODUCTS.length)];
            LocalDate registeredOn = registrationDate(random);
            boolean taxonomy2021 = !registeredOn.isBefore(TAXONOMY_2021);
            String name = kind[3] + " " + subject.placeName() + (n > 0 ? " " + (n + 1) : "") + FICTIONAL;
            JsonNode idea = api.post("/api/products", """
                    {"subjectId": "%s", "name": "%s", "groupCode": "%s", %s "communeCode": "%s",
                     "description": "Sản phẩm hư cấu của bộ dữ liệu minh họa", "registeredOn": "%s"}"""
                    .formatted(subject.id(), name, taxonomy2021 ? kind[1] : kind[0],
                            taxonomy2021 ? "\"criteriaSetCode\": \"" + kind[2] + "\"," : "", subject.communeCode(),
                            registeredOn));
            if (idea == null) {
                continue;
            }
            products.incrementAndGet();
            new ProductStory(LoopbackApi.id(idea), subject.id(), subject.communeCode(), registeredOn,
                    taxonomy2021 ? kind[2] : null, subject.formerProvince(), random).tell();
        }
    }

    /** Mostly 2019–2025; a few in 2026, still early in the cycle. Never across the 2023 change of taxonomy. */
    private static LocalDate registrationDate(Random random) {
        LocalDate day = LocalDate.of(2019, 1, 10).plusDays(random.nextInt(365 * 7 + 120));
        if (!day.isBefore(LocalDate.of(2022, 9, 1)) && day.isBefore(TAXONOMY_2021)) {
            day = day.plusMonths(6);
        }
        return day;
    }

    /** One product's way through the cycle. */
    private final class ProductStory {

        private final String id;
        private final String subjectId;
        private final String commune;
        private final LocalDate registeredOn;
        /** The product set (bộ sản phẩm) under the 2021 taxonomy, whose scoring sheet a 26/2026 council fills. */
        private final String productSet;
        /** Whose people's committee decided at the province's level before 2025-07-01. */
        private final String formerProvince;
        private final Random random;

        ProductStory(String id, String subjectId, String commune, LocalDate registeredOn, String productSet,
                     String formerProvince, Random random) {
            this.formerProvince = formerProvince;
            this.id = id;
            this.subjectId = subjectId;
            this.commune = commune;
            this.registeredOn = registeredOn;
            this.productSet = productSet;
            this.random = random;
        }

        /** A decision of this product's province: the former one's committee before 2025-07-01. */
        private String decision(LocalDate on, String level) {
            return DemoStory.decision(on, level, formerProvince);
        }

        void tell() {
            int fate = random.nextInt(100);
            LocalDate accepted = registeredOn.plusDays(10 + random.nextInt(20));
            if (fate < 4) {
                step("/idea-decision", stepDecision(false, accepted));
                return;
            }
            if (fate < 10 || !before(accepted, 0)) {
                return; // still awaiting its idea decision
            }
            if (!step("/idea-decision", stepDecision(true, accepted))) {
                return;
            }
            LocalDate submitted = accepted.plusDays(20 + random.nextInt(30));
            LocalDate approved = submitted.plusDays(20 + random.nextInt(30));
            if (fate < 16 || !before(approved, 0)
                    || !step("/business-plan", """
                            {"submittedOn": "%s", "title": "Phương án sản xuất kinh doanh", "summary": "Minh họa"}"""
                            .formatted(submitted))
                    || !step("/business-plan/decision", stepDecision(true, approved))) {
                return;
            }
            LocalDate evaluated = approved.plusDays(40 + random.nextInt(60));
            if (fate < 22 || !before(evaluated, 30)) {
                return; // plan approved, awaiting its council
            }
            int stars = fate < 28 ? 2 : fate < 62 ? 3 : fate < 94 ? 4 : 5;
            AuthorityLevel level = recognisingLevel(Math.max(3, Math.min(stars, 4)), evaluated);
            if (rules.needsForwardedEvaluation(level, EvaluationKind.FIRST, evaluated)) {
                // under 1048 and 148 the province evaluates what a district council forwarded (≥ 50, ≥ 70)
                String district = evaluate("FIRST", AuthorityLevel.DISTRICT, evaluated.minusDays(25), 4, false);
                if (district == null || !step("/forwarding", """
                        {"evaluationId": "%s", "to": "PROVINCE", "forwardedOn": "%s"}"""
                        .formatted(district, evaluated.minusDays(15)))) {
                    return;
                }
            }
            String evaluation = evaluate("FIRST", level, evaluated, Math.min(stars, 4), stars < 3);
            if (evaluation == null || stars < 3) {
                return; // rated under three stars: no certificate
            }
            LocalDate decided = evaluated.plusDays(10 + random.nextInt(20));
            if (!recognise(evaluation, Math.min(stars, 4), level, decided)) {
                return;
            }
            recognised.add(new Recognised(id, subjectId, decided.getYear()));
            LocalDate expires = decided.plusMonths(36);
            if (stars == 5 && before(decided.plusMonths(8), 0)) {
                LocalDate national = decided.plusMonths(6);
                String upgrade = evaluate("UPGRADE", AuthorityLevel.CENTRAL, national, 5, false);
                if (upgrade != null && recognise(upgrade, 5, AuthorityLevel.CENTRAL, national.plusDays(15))) {
                    expires = national.plusDays(15).plusMonths(36);
                    decided = national.plusDays(15);
                }
            } else if (stars == 3 && random.nextInt(4) == 0 && before(decided.plusMonths(14), 0)) {
                LocalDate later = decided.plusMonths(12);
                AuthorityLevel upgrader = recognisingLevel(4, later);
                String upgrade = evaluate("UPGRADE", upgrader, later, 4, false);
                if (upgrade != null && recognise(upgrade, 4, upgrader, later.plusDays(15))) {
                    stars = 4;
                    expires = later.plusDays(15).plusMonths(36);
                    decided = later.plusDays(15);
                }
            }
            if (stars >= 4 && random.nextInt(5) == 0 && before(decided.plusMonths(2), 0)) {
                step("/key-product", "{\"decision\": " + decision(decided.plusMonths(2), "PROVINCE") + "}");
            }
            if (stars >= 4 && random.nextInt(8) == 0 && before(decided.plusMonths(3), 0)) {
                step("/provincial-promotion", "{\"decision\": " + decision(decided.plusMonths(3), "PROVINCE") + "}");
            }
            if (random.nextInt(25) == 0 && before(decided.plusMonths(14), 0)) {
                LocalDate concluded = decided.plusMonths(13);
                step("/certificate/revocation", """
                        {"reasonCode": "NO_LONGER_MEETS_CRITERIA", "concludedOn": "%s", "decision": %s}"""
                        .formatted(concluded, decision(concluded.plusDays(10),
                                recognisingLevel(stars, concluded.plusDays(10)).name())));
                return;
            }
            // Under 148/QĐ-TTg a certificate is renewed by re-evaluation before it expires; some are, the others lapse.
            LocalDate reEvaluated = expires.minusDays(45);
            if (random.nextInt(3) == 0 && expires.isBefore(LocalDate.of(2026, 5, 22))
                    && !reEvaluated.isBefore(TAXONOMY_2021) && before(expires, 0)) {
                AuthorityLevel renewer = recognisingLevel(Math.min(stars, 4), reEvaluated);
                String renewal = evaluate("RE_EVALUATION", renewer, reEvaluated, Math.min(stars, 4), false);
                if (renewal != null) {
                    recognise(renewal, Math.min(stars, 4), renewer, reEvaluated.plusDays(15));
                }
            }
        }

        private boolean step(String path, String body) {
            return api.post("/api/products/" + id + path, body) != null;
        }

        private String evaluate(String kind, AuthorityLevel level, LocalDate on, int stars, boolean underThree) {
            CriteriaSet set = rules.criteriaSetFor(on, null, EvaluationKind.valueOf(kind));
            int[] maxima = {set.maxA(), set.maxB(), set.maxC()};
            int target = underThree ? 38 + random.nextInt(10) : switch (stars) {
                case 3 -> 53 + random.nextInt(14);
                case 4 -> 72 + random.nextInt(15);
                default -> 91 + random.nextInt(5);
            };
            String scoring = bySheets(set, target, underThree ? 2 : stars);
            if (scoring == null) {
                StringBuilder members = new StringBuilder();
                for (int member = 0; member < 5; member++) {
                    int score = Math.max(0, Math.min(99, target + random.nextInt(3) - 1));
                    int a = Math.min(maxima[0], Math.round(score * maxima[0] / 100f));
                    int b = Math.min(maxima[1], Math.round(score * maxima[1] / 100f));
                    int c = Math.min(maxima[2], score - a - b);
                    members.append(member == 0 ? "" : ", ").append("""
                            {"partA": %d, "partB": %d, "partC": %d}""".formatted(a, b, Math.max(0, c)));
                }
                scoring = """
                        "memberScores": [%s], "minimumsMetUpTo": %d""".formatted(members, underThree ? 2 : stars);
            }
            JsonNode answer = api.post("/api/products/" + id + "/evaluations", """
                    {"kind": "%s", "level": "%s", "round": "%d-%d", "evaluatedOn": "%s", %s,
                     "officialProductCode": "62-%s-%03d-%d"}"""
                    .formatted(kind, level, on.getYear(), on.getMonthValue() <= 6 ? 1 : 2, on, scoring,
                            commune, officialCodes.incrementAndGet() % 1000, on.getYear()));
            return answer == null ? null : LoopbackApi.id(answer);
        }

        /**
         * Under 26/2026, five members' scoring sheets of the product's set around {@code target} points, each
         * meeting the minimums up to {@code stars}; null where the council records part totals instead (older
         * decisions, a set awaiting checking against the decision's text).
         */
        private String bySheets(CriteriaSet set, int target, int stars) {
            if (!set.legalBasis().equals(ScoringSheets.bundled().legalBasis()) || productSet == null
                    || ScoringSheets.bundled().sheet(productSet).map(ScoringSheets.Sheet::awaitingCheck).orElse(true)) {
                return null;
            }
            StringBuilder sheets = new StringBuilder();
            for (int member = 0; member < 5; member++) {
                int total = Math.max(0, Math.min(99, target + random.nextInt(3) - 1));
                Map<String, Integer> answers = answersNear(total, stars);
                sheets.append(member == 0 ? "" : ", ").append("{\"member\": \"Thành viên ").append(member + 1)
                        .append("\", \"options\": {").append(answers.entrySet().stream()
                                .map(answer -> "\"" + answer.getKey() + "\": " + answer.getValue())
                                .collect(Collectors.joining(", "))).append("}}");
            }
            return "\"memberSheets\": [" + sheets + "]";
        }

        /** A sheet totalling {@code total}, or the nearest total above it that the set's minimums allow. */
        private Map<String, Integer> answersNear(int total, int stars) {
            for (int points = total; ; points++) {
                try {
                    return SampleAnswers.of(productSet).totalling(points, stars);
                } catch (IllegalArgumentException belowTheMinimums) {
                    if (points >= 100) {
                        throw belowTheMinimums;
                    }
                }
            }
        }

        private boolean recognise(String evaluation, int stars, AuthorityLevel level, LocalDate on) {
            boolean done = api.post("/api/products/" + id + "/recognition", """
                    {"evaluationId": "%s", "stars": %d, "decision": %s}"""
                    .formatted(evaluation, stars, decision(on, level.name()))) != null;
            if (done) {
                recognitions.incrementAndGet();
            }
            return done;
        }

        private String stepDecision(boolean accepted, LocalDate on) {
            return """
                    {"accepted": %s, "decision": %s, "reasons": %s}""".formatted(accepted,
                    decision(on, on.isBefore(DISTRICTS_ABOLISHED) ? "DISTRICT" : "COMMUNE"),
                    accepted ? "[]" : "[\"Hồ sơ chưa đầy đủ\"]");
        }
    }

    /**
     * Who recognised so many stars on that day, as the rulebook says (1048, 148, 148 as amended by 1489); a level
     * abolished by then gives way to the province, which the rulebook then accepts or refuses.
     */
    private AuthorityLevel recognisingLevel(int stars, LocalDate on) {
        AuthorityLevel level = rules.recognitionAuthority(stars, on);
        return level == AuthorityLevel.DISTRICT && !on.isBefore(DISTRICTS_ABOLISHED) ? AuthorityLevel.PROVINCE : level;
    }

    /** Whether {@code day} plus a margin lies before today, so that a step on it may be recorded now. */
    private static boolean before(LocalDate day, int marginDays) {
        return day.plusDays(marginDays).isBefore(LocalDate.now());
    }

    /**
     * A decision of {@code level} dated {@code on}, numbered as its issuing body numbers them: the ministry's
     * "…/QĐ-BNN-VPĐP" (its coordination office for new rural areas) until it became the Ministry of Agriculture
     * and Environment on 2025-03-01, "…/QĐ-BNNMT" since; a people's committee's "…/QĐ-UBND".
     */
    private static String decision(LocalDate on, String level) {
        return decision(on, level, "Kon Tum");
    }

    private static String decision(LocalDate on, String level, String formerProvince) {
        String serial = Integer.toString(on.getDayOfYear() + on.getYear() % 100 * 1000);
        String suffix = !"CENTRAL".equals(level) ? "QĐ-UBND"
                : on.isBefore(MINISTRY_OF_AGRICULTURE_AND_ENVIRONMENT) ? "QĐ-BNN-VPĐP" : "QĐ-BNNMT";
        return decision(serial + "/" + suffix, on.toString(), level, formerProvince);
    }

    private static String decision(String number, String date, String level) {
        return decision(number, date, level, "Kon Tum");
    }

    private static String decision(String number, String date, String level, String formerProvince) {
        LocalDate on = LocalDate.parse(date);
        String issuer = switch (level) {
            case "CENTRAL" -> on.isBefore(MINISTRY_OF_AGRICULTURE_AND_ENVIRONMENT)
                    ? "Bộ Nông nghiệp và Phát triển nông thôn" : "Bộ Nông nghiệp và Môi trường";
            case "PROVINCE" -> on.isBefore(DISTRICTS_ABOLISHED)
                    ? "Ủy ban nhân dân tỉnh " + formerProvince : "Ủy ban nhân dân tỉnh Quảng Ngãi";
            case "DISTRICT" -> "Ủy ban nhân dân huyện";
            default -> "Ủy ban nhân dân xã";
        };
        return """
                {"number": "%s", "date": "%s", "issuer": "%s", "level": "%s"}""".formatted(number, date, issuer, level);
    }

    /**
     * Grants from each year's budget lines: training and trade promotion to subjects, packaging, branding and
     * certification to products recognised by then (the policies allow those only for products in the
     * programme); most paid in full, some in part with the rest cancelled.
     */
    private void support(List<String> budgetLines, List<Subject> subjects) {
        Random random = new Random(SEED + 2);
        String[] forSubjects = {"TRAINING", "TRADE_PROMOTION"};
        String[] forProducts = {"PACKAGING_LABEL_STORY", "BRANDING_IP", "QUALITY_CERTIFICATION_TRACEABILITY"};
        List<Recognised> certified = new ArrayList<>(recognised);
        certified.sort(java.util.Comparator.comparing(Recognised::productId));
        for (String line : budgetLines) {
            String[] parts = line.split("\\|");
            int year = Integer.parseInt(parts[2]);
            // until 2025 the lines are the former Kon Tum's, for its own subjects; from 2026 the new province's
            List<Subject> payable = year < 2026 ? subjects.stream()
                    .filter(one -> one.formerProvince().equals("Kon Tum")).toList() : subjects;
            java.util.Set<String> payableIds = payable.stream().map(Subject::id)
                    .collect(java.util.stream.Collectors.toSet());
            List<Recognised> eligible = certified.stream()
                    .filter(one -> one.year() <= year && payableIds.contains(one.subjectId())).toList();
            for (int n = 0; n < 4; n++) {
                boolean productBound = !eligible.isEmpty() && random.nextBoolean();
                Recognised product = productBound ? eligible.get(random.nextInt(eligible.size())) : null;
                String subject = productBound ? product.subjectId() : payable.get(random.nextInt(payable.size())).id();
                String kind = productBound ? forProducts[random.nextInt(forProducts.length)]
                        : forSubjects[random.nextInt(forSubjects.length)];
                long amount = (10 + random.nextInt(16)) * 1_000_000L;
                LocalDate granted = LocalDate.of(year, 3 + random.nextInt(6), 1 + random.nextInt(27));
                JsonNode grant = api.post("/api/support-grants", """
                        {"budgetLineId": "%s", "subjectId": "%s", %s "kind": "%s", "amount": %d,
                         "costSharePercent": %d, "fiscalYear": %d, "decision": %s}"""
                        .formatted(parts[0], subject, productBound ? "\"productId\": \"" + product.productId() + "\"," : "",
                                kind, amount, 50 + random.nextInt(3) * 10, year,
                                decision(granted, "PROVINCE")));
                if (grant == null) {
                    continue;
                }
                String grantId = LoopbackApi.id(grant);
                long paid = random.nextInt(4) == 0 ? amount / 2 : amount;
                LocalDate paidOn = granted.plusMonths(2);
                api.post("/api/support-grants/" + grantId + "/disbursements", """
                        {"amount": %d, "paidOn": "%s", "voucherReference": "PC-%d-%03d",
                         "acceptanceMinutesReference": "BB-%d-%03d"}"""
                        .formatted(paid, paidOn, year, n, year, n));
                if (paid < amount && random.nextBoolean()) {
                    api.post("/api/support-grants/" + grantId + "/cancellation", """
                            {"cancelledOn": "%s", "reason": "Chủ thể không thực hiện hết nội dung"}"""
                            .formatted(paidOn.plusMonths(1)));
                }
            }
        }
    }
}
