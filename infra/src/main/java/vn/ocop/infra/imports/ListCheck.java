package vn.ocop.infra.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import vn.ocop.command.common.DomainRuleViolation;
import vn.ocop.command.rulebook.Assessment;
import vn.ocop.command.rulebook.CriteriaSet;
import vn.ocop.command.rulebook.Rulebook;
import vn.ocop.events.common.AuthorityLevel;
import vn.ocop.events.product.EvaluationKind;
import vn.ocop.events.product.MemberScore;
import vn.ocop.events.subject.LegalForm;
import vn.ocop.query.common.SearchText;
import vn.ocop.reference.AdministrativeUnits;
import vn.ocop.reference.OcopRules;

/**
 * Checks an OCOP list row by row against the programme's rules — the same rulebook and reference data the
 * commands are checked with — and turns each good row into a {@link Listed} step. Every problem names its
 * row and column, in Vietnamese and English; a file with any problem is imported not at all.
 *
 * <p>A row records a product's first cycle (registration, evaluation, recognition) or, by its step column, a later
 * step of a product: an upgrade or re-evaluation (with the recognition that followed it, when there was one) or a
 * revocation. A later step names its product by the subject's registration number and the product's name; the
 * product is listed on an earlier row, or is in the register already. Within the file a product's steps follow
 * one another in time and each is checked against the certificate the earlier rows give the product.
 */
final class ListCheck {

    /** What a row records. */
    enum Step {
        FIRST(EvaluationKind.FIRST), UPGRADE(EvaluationKind.UPGRADE), RE_EVALUATION(EvaluationKind.RE_EVALUATION),
        REVOCATION(null);

        final EvaluationKind kind;

        Step(EvaluationKind kind) {
            this.kind = kind;
        }
    }

    /** One problem of the file: where (row as a spreadsheet numbers it, column heading), which rule, why. */
    record Problem(int row, String column, String code, String message, String messageVi) {
    }

    /**
     * A council's evaluation as the list gives it: the council's mean part scores; {@code forwarded}, the district
     * council's evaluation the province's rests on under 1048 and 148, else null.
     */
    record Evaluation(EvaluationKind kind, AuthorityLevel level, LocalDate on, BigDecimal partA, BigDecimal partB,
                      BigDecimal partC, int minimumsMetUpTo, String productCode, DistrictEvaluation forwarded,
                      LocalDate dossierFiledOn) {

        /** See {@link Listed#keyText()}. */
        String keyText() {
            String first = "Evaluation[level=" + level + ", on=" + on + ", partA=" + partA + ", partB=" + partB
                    + ", partC=" + partC + ", minimumsMetUpTo=" + minimumsMetUpTo + ", productCode=" + productCode
                    + ", forwarded=" + forwarded + "]";
            return kind == EvaluationKind.FIRST ? first : first + " " + kind + " " + dossierFiledOn;
        }
    }

    /** The district council's evaluation and the day it was forwarded to the province. */
    record DistrictEvaluation(LocalDate on, BigDecimal partA, BigDecimal partB, BigDecimal partC,
                              LocalDate forwardedOn) {
    }

    /** A recognition decision as the list gives it. */
    record Recognition(int stars, String number, LocalDate decidedOn, String issuer, AuthorityLevel level) {
    }

    /** A revocation decision as the list gives it. */
    record Revocation(String reasonCode, LocalDate concludedOn, String number, LocalDate decidedOn, String issuer,
                      AuthorityLevel level) {
    }

    /**
     * A row that passed every check. A later step carries only the product's identity (registration number and
     * name) and what the step records.
     */
    record Listed(int row, Step step, String subjectName, LegalForm legalForm, String registrationNumber,
                  String representative, String phone, String productName, String groupCode, String productSetCode,
                  String communeCode, LocalDate registeredOn, Evaluation evaluation, Recognition recognition,
                  Revocation revocation) {

        /**
         * The row's content, of which its commands' idempotency keys are made (without its row number, so that a
         * row moved in the list is still the same row). A first cycle's text keeps the form of the first release,
         * so that a list imported before is recognised again; a later step adds what it records.
         */
        String keyText() {
            String first = "Listed[ subjectName=" + subjectName + ", legalForm=" + legalForm
                    + ", registrationNumber=" + registrationNumber + ", representative=" + representative
                    + ", phone=" + phone + ", productName=" + productName + ", groupCode=" + groupCode
                    + ", productSetCode=" + productSetCode + ", communeCode=" + communeCode + ", registeredOn="
                    + registeredOn + ", evaluation=" + (evaluation == null ? null : evaluation.keyText())
                    + ", recognition=" + recognition + "]";
            return step == Step.FIRST ? first : first + " " + step + " " + revocation;
        }

        /** The product a row is about, the same on its first row and on every later step's. */
        String product() {
            return productIdentity(registrationNumber, productName);
        }
    }

    static String productIdentity(String registrationNumber, String productName) {
        return registrationNumber + "|" + SearchText.of(productName);
    }

    /** The checked file: its good rows and its problems. */
    record Result(int rows, List<Listed> listed, List<Problem> problems) {
    }

    private static final Set<Column> REQUIRED = EnumSet.of(Column.SUBJECT, Column.LEGAL_FORM,
            Column.REGISTRATION_NUMBER, Column.REPRESENTATIVE, Column.PRODUCT, Column.GROUP, Column.COMMUNE,
            Column.REGISTERED_ON);
    private static final Set<Column> IDENTITY = EnumSet.of(Column.REGISTRATION_NUMBER, Column.PRODUCT);
    private static final Set<Column> REVOCATION = EnumSet.of(Column.REVOCATION_REASON, Column.CONCLUDED_ON,
            Column.DECISION_NUMBER, Column.DECIDED_ON, Column.RECOGNITION_LEVEL);
    private static final Set<Column> EVALUATION = EnumSet.of(Column.EVALUATION_LEVEL, Column.EVALUATED_ON,
            Column.PART_A, Column.PART_B, Column.PART_C);
    private static final Set<Column> DISTRICT_EVALUATION = EnumSet.of(Column.DISTRICT_EVALUATED_ON,
            Column.DISTRICT_PART_A, Column.DISTRICT_PART_B, Column.DISTRICT_PART_C);
    private static final Set<Column> RECOGNITION = EnumSet.of(Column.STARS, Column.DECISION_NUMBER,
            Column.DECIDED_ON);
    private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter VIETNAMESE_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final Rulebook rules;
    private final AdministrativeUnits units;
    private final LocalDate today;

    ListCheck(Rulebook rules, AdministrativeUnits units, LocalDate today) {
        this.rules = rules;
        this.units = units;
        this.today = today;
    }

    Result check(RegisterFile.Content content) {
        List<Problem> problems = new ArrayList<>();
        // a list of steps may be one of later steps only (a year's renewals): then the rows say what they need
        Set<Column> required = has(content, Column.STEP) ? IDENTITY : REQUIRED;
        for (Column column : required) {
            if (!has(content, column)) {
                problems.add(new Problem(1, heading(column), "missing-column",
                        "The file has no column " + column.key + " (" + column.en + ").",
                        "Tệp không có cột " + column.vi + " (" + column.key + ")."));
            }
        }
        if (!problems.isEmpty()) {
            return new Result(content.lines().size(), List.of(), problems);
        }
        List<Listed> listed = new ArrayList<>();
        Map<String, Integer> seenRows = new HashMap<>();
        Map<String, RowReader> subjects = new HashMap<>();
        Map<String, History> histories = new HashMap<>();
        List<RowReader> unlisted = new ArrayList<>();
        for (RegisterFile.Line line : content.lines()) {
            RowReader row = new RowReader(line, problems);
            Optional<Listed> good = row.read();
            if (good.isEmpty()) {
                continue;
            }
            Listed product = good.get();
            String identity = product.product() + "|" + product.step() + "|" + (product.step() == Step.FIRST
                    ? product.registeredOn() : product.evaluation() != null ? product.evaluation().on()
                    : product.revocation().decidedOn());
            Integer earlier = seenRows.putIfAbsent(identity, line.number());
            if (earlier != null) {
                row.problem(Column.PRODUCT, "duplicate-row", "The same product as row " + earlier + ".",
                        "Trùng sản phẩm với dòng " + earlier + ".");
                continue;
            }
            if (product.step() != Step.FIRST) {
                History history = histories.get(product.product());
                if (history == null) {
                    unlisted.add(row);
                } else {
                    history.follow(row);
                }
                listed.add(product);
                continue;
            }
            histories.put(product.product(), new History(product));
            RowReader first = subjects.putIfAbsent(product.registrationNumber(), row);
            if (first != null && (!first.listed.subjectName().equals(product.subjectName())
                    || first.listed.legalForm() != product.legalForm())) {
                row.problem(Column.SUBJECT, "subject-differs", "Registration number " + product.registrationNumber()
                                + " names another subject or legal form on row " + first.line.number() + ".",
                        "Mã số " + product.registrationNumber() + " ứng với chủ thể hoặc loại hình khác ở dòng "
                                + first.line.number() + ".");
                continue;
            }
            listed.add(product);
        }
        for (RowReader row : unlisted) {
            History history = histories.get(row.listed.product());
            if (history != null) {
                row.problem(Column.STEP, "step-before-product", "The product's first row, " + history.firstRow
                                + ", comes after this step: list a product's steps in the order they happened.",
                        "Dòng đầu của sản phẩm (dòng " + history.firstRow + ") đứng sau bước này: liệt kê các bước "
                                + "của sản phẩm theo thứ tự thời gian.");
            }
        }
        return new Result(content.lines().size(), problems.isEmpty() ? listed : List.of(), problems);
    }

    /**
     * What the earlier rows of the file say of a product: the date of its last step and the certificate in force
     * after it, against which each later step is checked.
     */
    private final class History {

        private final int firstRow;
        private LocalDate lastOn;
        private Recognition certificate;
        private int certificateRow;

        History(Listed first) {
            this.firstRow = first.row();
            this.lastOn = first.registeredOn();
            if (first.evaluation() != null) {
                lastOn = first.evaluation().on();
            }
            recognised(first);
        }

        private void recognised(Listed row) {
            if (row.recognition() != null) {
                certificate = row.recognition();
                certificateRow = row.row();
                lastOn = row.recognition().decidedOn();
            }
        }

        /** Checks a later step against what came before it, then takes it in. */
        void follow(RowReader reader) {
            Listed row = reader.listed;
            LocalDate on = row.evaluation() != null ? row.evaluation().on() : row.revocation().decidedOn();
            Column dateColumn = row.evaluation() != null ? Column.EVALUATED_ON : Column.DECIDED_ON;
            if (on.isBefore(lastOn)) {
                reader.problem(dateColumn, "date-before-earlier-step", "This step is dated before the product's "
                                + "previous step (" + lastOn + ").",
                        "Bước này có ngày trước bước trước đó của sản phẩm (" + lastOn.format(VIETNAMESE_DATE) + ").");
            }
            if (certificate == null) {
                reader.problem(Column.STEP, "no-certificate-in-force", "The rows before this one give the product "
                                + "no certificate in force to " + (row.step() == Step.REVOCATION ? "revoke." : "renew or raise."),
                        "Các dòng trước không cho sản phẩm giấy chứng nhận còn hiệu lực để "
                                + (row.step() == Step.REVOCATION ? "thu hồi." : "đánh giá lại hoặc nâng hạng."));
            } else if (row.step() == Step.REVOCATION) {
                Revocation revocation = row.revocation();
                reader.check(Column.CONCLUDED_ON, () -> rules.checkRevocation(certificate.level(), revocation.level(),
                        revocation.reasonCode(), revocation.concludedOn(), revocation.decidedOn()));
            } else {
                LocalDate expires = rules.certificateTerms(certificate.decidedOn()).expiresOn();
                LocalDate dossier = row.evaluation().dossierFiledOn();
                boolean inForce = !on.isAfter(expires) || (dossier != null && !dossier.isAfter(expires));
                if (!inForce) {
                    reader.problem(dateColumn, "no-certificate-in-force", "The certificate of row " + certificateRow
                                    + " expired on " + expires + ", before this " + (row.step() == Step.UPGRADE
                                    ? "upgrade" : "re-evaluation") + " and with no dossier filed before it.",
                            "Giấy chứng nhận ở dòng " + certificateRow + " hết hạn ngày "
                                    + expires.format(VIETNAMESE_DATE) + ", trước bước này và không có hồ sơ nộp trước đó.");
                }
            }
            lastOn = on.isAfter(lastOn) ? on : lastOn;
            if (row.step() == Step.REVOCATION) {
                certificate = null;
            }
            recognised(row);
        }
    }

    private static boolean has(RegisterFile.Content content, Column column) {
        return content.columns().contains(column.key) || content.columns().stream()
                .anyMatch(key -> Column.byKey(key).filter(column::equals).isPresent());
    }

    private static String heading(Column column) {
        return column.vi + " (" + column.key + ")";
    }

    /** One row's cells, read and checked column by column; problems go to the file's list. */
    private final class RowReader {

        private final RegisterFile.Line line;
        private final List<Problem> problems;
        private final int problemsBefore;
        private Listed listed;

        RowReader(RegisterFile.Line line, List<Problem> problems) {
            this.line = line;
            this.problems = problems;
            this.problemsBefore = problems.size();
        }

        Optional<Listed> read() {
            Step step = step();
            if (step == null) {
                return Optional.empty();
            }
            if (step != Step.FIRST) {
                return later(step);
            }
            requireAll(REQUIRED, null, null);
            LegalForm legalForm = cell(Column.LEGAL_FORM) == null ? null : legalForm();
            String number = registrationNumber();
            LocalDate registeredOn = date(Column.REGISTERED_ON);
            String commune = cell(Column.COMMUNE);
            if (commune != null && registeredOn != null) {
                if (!commune.matches("\\d{5}") || !units.inForceOn(commune, registeredOn)) {
                    problem(Column.COMMUNE, "commune-not-in-force",
                            "No commune-level unit has the code " + commune + " on " + registeredOn + ".",
                            "Không có đơn vị hành chính cấp xã mã " + commune + " vào ngày "
                                    + registeredOn.format(VIETNAMESE_DATE) + ".");
                }
            }
            if (registeredOn != null && cell(Column.GROUP) != null) {
                check(Column.GROUP, () -> rules.classify(registeredOn, cell(Column.GROUP), cell(Column.PRODUCT_SET)));
            }
            Evaluation evaluation = evaluation(registeredOn, EvaluationKind.FIRST);
            Recognition recognition = recognition(evaluation);
            if (problems.size() > problemsBefore) {
                return Optional.empty();
            }
            listed = new Listed(line.number(), Step.FIRST, cell(Column.SUBJECT), legalForm, number,
                    cell(Column.REPRESENTATIVE), cell(Column.PHONE), cell(Column.PRODUCT), cell(Column.GROUP),
                    cell(Column.PRODUCT_SET), commune, registeredOn, evaluation, recognition, null);
            return Optional.of(listed);
        }

        /** A later step of a product: its identity, and the evaluation and recognition or the revocation. */
        private Optional<Listed> later(Step step) {
            requireAll(IDENTITY, null, null);
            String number = registrationNumber();
            Evaluation evaluation = null;
            Recognition recognition = null;
            Revocation revocation = null;
            if (step == Step.REVOCATION) {
                revocation = revocation();
            } else {
                evaluation = evaluation(null, step.kind);
                recognition = recognition(evaluation);
            }
            if (problems.size() > problemsBefore) {
                return Optional.empty();
            }
            listed = new Listed(line.number(), step, cell(Column.SUBJECT), null, number, null, null,
                    cell(Column.PRODUCT), null, null, null, null, evaluation, recognition, revocation);
            return Optional.of(listed);
        }

        private Step step() {
            String value = cell(Column.STEP);
            if (value == null) {
                return Step.FIRST;
            }
            return switch (SearchText.of(value)) {
                case "danh gia lan dau", "lan dau", "first", "first evaluation" -> Step.FIRST;
                case "nang hang", "nang sao", "upgrade" -> Step.UPGRADE;
                case "danh gia lai", "re-evaluation", "re_evaluation", "reevaluation" -> Step.RE_EVALUATION;
                case "thu hoi", "revocation" -> Step.REVOCATION;
                default -> {
                    problem(Column.STEP, "unknown-step", "Not a step: " + value
                                    + " (first evaluation, upgrade, re-evaluation, revocation).",
                            "Không phải bước: " + value + " (Đánh giá lần đầu, Nâng hạng, Đánh giá lại, Thu hồi).");
                    yield null;
                }
            };
        }

        private String registrationNumber() {
            String number = cell(Column.REGISTRATION_NUMBER);
            if (number != null && (number.length() > 30 || !number.matches("[0-9A-Za-z][0-9A-Za-z .\\-]*"))) {
                problem(Column.REGISTRATION_NUMBER, "invalid-registration-number",
                        "Letters, digits, spaces, dots and dashes only, at most 30.",
                        "Chỉ gồm chữ, số, dấu cách, dấu chấm và gạch ngang, tối đa 30 ký tự.");
            }
            return number;
        }

        /** A name as its words alone: accents, case and punctuation do not tell two names apart. */
        private static String words(String name) {
            return SearchText.of(name).replaceAll("[^a-z0-9]+", " ").trim();
        }

        /** A revocation: its reason (code or name of the table), the conclusion it rests on, its decision. */
        private Revocation revocation() {
            requireAll(REVOCATION, "a revocation", "quyết định thu hồi");
            String given = cell(Column.REVOCATION_REASON);
            String reason = null;
            if (given != null) {
                String typed = words(given);
                reason = rules.revocationReasons().stream()
                        .filter(known -> known.code().equalsIgnoreCase(given) || words(known.vi()).equals(typed)
                                || words(known.en()).equals(typed))
                        .map(OcopRules.RevocationReason::code).findFirst().orElse(null);
                if (reason == null) {
                    problem(Column.REVOCATION_REASON, "unknown-revocation-reason", "Not a reason for revocation: "
                                    + given + ".", "Không phải lý do thu hồi: " + given + ".");
                }
            }
            LocalDate concludedOn = date(Column.CONCLUDED_ON);
            LocalDate decidedOn = date(Column.DECIDED_ON);
            AuthorityLevel level = level(Column.RECOGNITION_LEVEL);
            if (concludedOn != null && decidedOn != null && decidedOn.isBefore(concludedOn)) {
                problem(Column.DECIDED_ON, "date-before-earlier-step", "Revoked before the conclusion it rests on.",
                        "Ngày thu hồi trước ngày kết luận.");
            }
            if (reason == null || concludedOn == null || decidedOn == null || level == null) {
                return null;
            }
            String issuer = cell(Column.ISSUER) != null ? cell(Column.ISSUER) : issuerOf(level);
            return new Revocation(reason, concludedOn, cell(Column.DECISION_NUMBER), decidedOn, issuer, level);
        }

        private Evaluation evaluation(LocalDate registeredOn, EvaluationKind kind) {
            if (kind == EvaluationKind.FIRST && EVALUATION.stream().noneMatch(column -> cell(column) != null)
                    && RECOGNITION.stream().noneMatch(column -> cell(column) != null)) {
                return null;
            }
            requireAll(EVALUATION, "an evaluation", "kết quả đánh giá");
            AuthorityLevel level = level(Column.EVALUATION_LEVEL);
            LocalDate on = date(Column.EVALUATED_ON);
            BigDecimal a = number(Column.PART_A);
            BigDecimal b = number(Column.PART_B);
            BigDecimal c = number(Column.PART_C);
            if (level == null || on == null || a == null || b == null || c == null) {
                return null;
            }
            if (registeredOn != null && on.isBefore(registeredOn)) {
                problem(Column.EVALUATED_ON, "date-before-earlier-step", "Evaluated before the registration date.",
                        "Ngày đánh giá trước ngày đăng ký.");
            }
            check(Column.EVALUATION_LEVEL, () -> rules.checkLevelExists("level", level, on));
            LocalDate dossier = kind == EvaluationKind.RE_EVALUATION ? date(Column.DOSSIER_FILED_ON) : null;
            if (dossier != null && dossier.isAfter(on)) {
                problem(Column.DOSSIER_FILED_ON, "date-before-earlier-step", "The dossier is filed after the "
                        + "evaluation.", "Ngày nộp hồ sơ sau ngày đánh giá.");
            }
            CriteriaSet set = rule(Column.EVALUATED_ON, () -> rules.criteriaSetFor(on, dossier, kind));
            if (set == null) {
                return null;
            }
            boolean partsFit = partsFit(set, Column.PART_A, a, Column.PART_B, b, Column.PART_C, c);
            BigDecimal total = a.add(b).add(c);
            BigDecimal score = number(Column.SCORE);
            if (score != null && score.subtract(total).abs().compareTo(new BigDecimal("0.01")) > 0) {
                problem(Column.SCORE, "score-mismatch", "The score " + score + " is not the sum of its parts, " + total
                        + ".", "Điểm " + score + " khác tổng các phần (" + total + ").");
            }
            Integer stars = integer(Column.STARS);
            int minimums = stars != null && stars >= 2 && stars <= 5 ? stars : 5;
            DistrictEvaluation forwarded = kind == EvaluationKind.FIRST ? forwarded(level, on, registeredOn) : null;
            boolean ordered = forwarded != null || !rules.needsForwardedEvaluation(level, kind, on);
            return partsFit && ordered ? new Evaluation(kind, level, on, a, b, c, minimums, cell(Column.PRODUCT_CODE),
                    forwarded, dossier) : null;
        }

        /**
         * The district council's evaluation a province evaluation under 1048 or 148 rests on: required then,
         * dated between the registration and the province's evaluation, scored within its set and at least the
         * forwarding threshold of the day it was forwarded (its own date, unless the list gives another).
         */
        private DistrictEvaluation forwarded(AuthorityLevel level, LocalDate provincialOn, LocalDate registeredOn) {
            boolean given = DISTRICT_EVALUATION.stream().anyMatch(column -> cell(column) != null);
            if (!rules.needsForwardedEvaluation(level, EvaluationKind.FIRST, provincialOn)) {
                return null;
            }
            if (!given) {
                problem(Column.DISTRICT_EVALUATED_ON, "district-evaluation-required", "On " + provincialOn
                                + " the province evaluated only what a district council forwarded: give that "
                                + "evaluation's date and part scores.",
                        "Vào ngày " + provincialOn.format(VIETNAMESE_DATE) + " hội đồng cấp tỉnh chỉ đánh giá sản phẩm "
                                + "do cấp huyện chuyển lên: cần ngày đánh giá và điểm các phần của cấp huyện.");
                return null;
            }
            requireAll(DISTRICT_EVALUATION, "the district council's evaluation", "kết quả đánh giá cấp huyện");
            LocalDate on = date(Column.DISTRICT_EVALUATED_ON);
            BigDecimal a = number(Column.DISTRICT_PART_A);
            BigDecimal b = number(Column.DISTRICT_PART_B);
            BigDecimal c = number(Column.DISTRICT_PART_C);
            LocalDate forwardedOn = cell(Column.FORWARDED_ON) == null ? on : date(Column.FORWARDED_ON);
            if (on == null || a == null || b == null || c == null || forwardedOn == null) {
                return null;
            }
            if ((registeredOn != null && on.isBefore(registeredOn)) || forwardedOn.isBefore(on)
                    || provincialOn.isBefore(forwardedOn)) {
                problem(Column.DISTRICT_EVALUATED_ON, "date-before-earlier-step", "The district evaluation comes "
                                + "after the registration, its forwarding after it, the province's evaluation last.",
                        "Cấp huyện đánh giá sau ngày đăng ký, chuyển lên sau đó, rồi cấp tỉnh mới đánh giá.");
                return null;
            }
            CriteriaSet set = rule(Column.DISTRICT_EVALUATED_ON,
                    () -> rules.criteriaSetFor(on, null, EvaluationKind.FIRST));
            if (set == null || !partsFit(set, Column.DISTRICT_PART_A, a, Column.DISTRICT_PART_B, b,
                    Column.DISTRICT_PART_C, c)) {
                return null;
            }
            BigDecimal total = a.add(b).add(c);
            check(Column.FORWARDED_ON, () -> rules.checkForwarding(AuthorityLevel.DISTRICT, AuthorityLevel.PROVINCE,
                    forwardedOn, total));
            return new DistrictEvaluation(on, a, b, c, forwardedOn);
        }

        private Recognition recognition(Evaluation evaluation) {
            if (RECOGNITION.stream().noneMatch(column -> cell(column) != null)) {
                return null;
            }
            requireAll(RECOGNITION, "a recognition", "quyết định công nhận");
            Integer stars = integer(Column.STARS);
            LocalDate decidedOn = date(Column.DECIDED_ON);
            if (stars == null || decidedOn == null || evaluation == null) {
                return null;
            }
            if (decidedOn.isBefore(evaluation.on())) {
                problem(Column.DECIDED_ON, "date-before-earlier-step", "Decided before the evaluation date.",
                        "Ngày quyết định trước ngày đánh giá.");
            }
            CriteriaSet set = rules.criteriaSetFor(evaluation.on(), evaluation.dossierFiledOn(), evaluation.kind());
            Assessment assessment = rule(Column.STARS, () -> rules.assess(set, List.of(new MemberScore(
                    evaluation.partA(), evaluation.partB(), evaluation.partC())), evaluation.minimumsMetUpTo(), false));
            if (assessment != null && !Integer.valueOf(stars).equals(assessment.stars())) {
                problem(Column.STARS, "stars-differ-from-evaluation", "A score of " + assessment.score()
                                + " rates " + assessment.scoreBand() + " stars, not " + stars + ".",
                        "Điểm " + assessment.score() + " ứng với " + assessment.scoreBand() + " sao, không phải "
                                + stars + " sao.");
            }
            AuthorityLevel level = cell(Column.RECOGNITION_LEVEL) == null ? competent(stars, decidedOn)
                    : level(Column.RECOGNITION_LEVEL);
            if (level != null) {
                check(Column.RECOGNITION_LEVEL, () -> rules.checkRecognition(stars, level, decidedOn));
            }
            LocalDate expires = date(Column.EXPIRES_ON);
            if (expires != null) {
                LocalDate expected = rule(Column.EXPIRES_ON, () -> rules.certificateTerms(decidedOn).expiresOn());
                if (expected != null && !expected.equals(expires)) {
                    problem(Column.EXPIRES_ON, "expiry-mismatch", "A certificate decided on " + decidedOn
                                    + " expires on " + expected + ", not " + expires + ".",
                            "Giấy chứng nhận theo quyết định ngày " + decidedOn.format(VIETNAMESE_DATE)
                                    + " hết hạn ngày " + expected.format(VIETNAMESE_DATE) + ", không phải "
                                    + expires.format(VIETNAMESE_DATE) + ".");
                }
            }
            String issuer = cell(Column.ISSUER) != null ? cell(Column.ISSUER) : issuerOf(level);
            return level == null ? null : new Recognition(stars, cell(Column.DECISION_NUMBER), decidedOn, issuer,
                    level);
        }

        /** Every one of {@code columns} must hold a value (with {@code what}, when the row has that). */
        private void requireAll(Set<Column> columns, String what, String whatVi) {
            for (Column column : columns) {
                if (cell(column) == null) {
                    problem(column, "required", "Required" + (what == null ? "" : " with " + what) + ": " + column.en
                            + ".", "Bắt buộc" + (whatVi == null ? "" : " khi có " + whatVi) + ": " + column.vi + ".");
                }
            }
        }

        /** The level the rules name for so many stars on that date, when the list does not say. */
        private AuthorityLevel competent(int stars, LocalDate decidedOn) {
            return rule(Column.STARS, () -> rules.recognitionAuthority(stars, decidedOn));
        }

        /** Each of the three parts within the set's maximum (every one checked, so that each is reported). */
        private boolean partsFit(CriteriaSet set, Column columnA, BigDecimal a, Column columnB, BigDecimal b,
                                 Column columnC, BigDecimal c) {
            return part(columnA, a, set.maxA(), set) & part(columnB, b, set.maxB(), set)
                    & part(columnC, c, set.maxC(), set);
        }

        private boolean part(Column column, BigDecimal value, int maximum, CriteriaSet set) {
            if (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(maximum)) > 0) {
                problem(column, "part-score-above-maximum", column.en + " must lie between 0 and " + maximum
                                + " under " + set.legalBasis() + ".",
                        column.vi + " phải từ 0 đến " + maximum + " theo " + set.legalBasis() + ".");
                return false;
            }
            return true;
        }

        private LegalForm legalForm() {
            String value = SearchText.of(cell(Column.LEGAL_FORM));
            return switch (value) {
                case "hop tac xa", "htx", "cooperative" -> LegalForm.COOPERATIVE;
                case "doanh nghiep", "dn", "cong ty", "enterprise" -> LegalForm.ENTERPRISE;
                case "to hop tac", "tht", "cooperative group", "cooperative_group" -> LegalForm.COOPERATIVE_GROUP;
                case "ho kinh doanh", "hkd", "household business", "household_business" ->
                        LegalForm.HOUSEHOLD_BUSINESS;
                default -> {
                    problem(Column.LEGAL_FORM, "unknown-legal-form", "Not a legal form: " + cell(Column.LEGAL_FORM)
                                    + " (enterprise, cooperative, cooperative group, household business).",
                            "Không phải loại hình chủ thể: " + cell(Column.LEGAL_FORM)
                                    + " (Doanh nghiệp, Hợp tác xã, Tổ hợp tác, Hộ kinh doanh).");
                    yield null;
                }
            };
        }

        private AuthorityLevel level(Column column) {
            String value = cell(column);
            if (value == null) {
                return null;
            }
            return switch (SearchText.of(value).replace("cap ", "")) {
                case "xa", "commune" -> AuthorityLevel.COMMUNE;
                case "huyen", "district" -> AuthorityLevel.DISTRICT;
                case "tinh", "province" -> AuthorityLevel.PROVINCE;
                case "trung uong", "central" -> AuthorityLevel.CENTRAL;
                default -> {
                    problem(column, "unknown-level", "Not a level: " + value + " (commune, district, province, central).",
                            "Không phải cấp: " + value + " (xã, huyện, tỉnh, trung ương).");
                    yield null;
                }
            };
        }

        private LocalDate date(Column column) {
            String value = cell(column);
            if (value == null) {
                return null;
            }
            LocalDate date;
            try {
                date = value.contains("/") ? LocalDate.parse(value, DAY_MONTH_YEAR) : LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                problem(column, "invalid-date", "Not a date: " + value + " (dd/MM/yyyy or yyyy-MM-dd).",
                        "Không phải ngày: " + value + " (dd/MM/yyyy hoặc yyyy-MM-dd).");
                return null;
            }
            if (date.isAfter(today) && column != Column.EXPIRES_ON) {
                problem(column, "date-in-future", "The date " + value + " lies in the future.",
                        "Ngày " + value + " nằm trong tương lai.");
                return null;
            }
            return date;
        }

        private BigDecimal number(Column column) {
            String value = cell(column);
            if (value == null) {
                return null;
            }
            try {
                return new BigDecimal(value.replace(',', '.'));
            } catch (NumberFormatException e) {
                problem(column, "invalid-number", "Not a number: " + value + ".", "Không phải số: " + value + ".");
                return null;
            }
        }

        private Integer integer(Column column) {
            BigDecimal value = number(column);
            if (value == null) {
                return null;
            }
            if (value.stripTrailingZeros().scale() > 0) {
                problem(column, "invalid-number", "Not a whole number: " + value + ".",
                        "Không phải số nguyên: " + value + ".");
                return null;
            }
            return value.intValue();
        }

        /** Runs a rule of the rulebook; its refusal becomes a problem of {@code column}. */
        private <T> T rule(Column column, Supplier<T> check) {
            try {
                return check.get();
            } catch (DomainRuleViolation refused) {
                problem(column, refused.problemType(), refused.getMessage(), refused.messageVi());
                return null;
            }
        }

        private void check(Column column, Runnable check) {
            rule(column, () -> {
                check.run();
                return null;
            });
        }

        String cell(Column column) {
            String value = line.cells().get(column.key);
            if (value == null) {
                value = line.cells().get(RegisterFile.key(column.vi));
            }
            return value == null || value.isBlank() ? null : value.strip();
        }

        void problem(Column column, String code, String message, String messageVi) {
            problems.add(new Problem(line.number(), heading(column), code, message, messageVi));
        }
    }

    private static String issuerOf(AuthorityLevel level) {
        if (level == null) {
            return null;
        }
        return switch (level) {
            case CENTRAL -> "Bộ Nông nghiệp và Môi trường";
            case PROVINCE -> "Ủy ban nhân dân tỉnh";
            case DISTRICT -> "Ủy ban nhân dân huyện";
            case COMMUNE -> "Ủy ban nhân dân xã";
        };
    }
}
