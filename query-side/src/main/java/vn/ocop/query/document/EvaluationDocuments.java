package vn.ocop.query.document;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.ocop.events.common.AuthorityLevel;
import vn.ocop.events.product.CouncilAnswers;
import vn.ocop.events.product.Disqualification;
import vn.ocop.events.product.MemberSheet;
import vn.ocop.events.product.MinimumNotMet;
import vn.ocop.query.common.NotFound;
import vn.ocop.query.common.ReaderScope;
import vn.ocop.reference.AdministrativeUnits;
import vn.ocop.reference.OfficialNames;
import vn.ocop.reference.ScoringSheets;
import vn.ocop.query.document.PrintedDocument.Fact;
import vn.ocop.query.document.PrintedDocument.Table;

/**
 * The documents of an evaluation and of a product's dossier, in Vietnamese, from the views: a member's scoring
 * sheet (phiếu đánh giá), the council's summary (bảng tổng hợp kết quả), the subject's self-assessment (Mẫu 02)
 * and the commune's report on the dossier (Mẫu 03). Only what the register holds is printed; what a person still
 * writes by hand is left as blank lines.
 */
@Component
public class EvaluationDocuments {

    private static final DateTimeFormatter VIETNAMESE_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final String SIGNED_ON = "……, ngày …… tháng …… năm ……";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final ReaderScope scope;
    private final AdministrativeUnits units;
    private final ScoringSheets sheets = ScoringSheets.bundled();
    private final OfficialNames names = OfficialNames.bundled();

    EvaluationDocuments(JdbcTemplate jdbc, ObjectMapper json, ReaderScope scope, AdministrativeUnits units) {
        this.jdbc = jdbc;
        this.json = json;
        this.scope = scope;
        this.units = units;
    }

    /** What the documents say about a product: its register row with its subject. */
    private record Product(String id, String name, String groupCode, String productSetCode, String communeCode,
                           LocalDate registeredOn, String subjectName, String registrationNumber) {
    }

    /** An evaluation's row of the evaluations view. */
    private record Evaluation(String id, String productId, String kind, String level, String round,
                              LocalDate evaluatedOn, LocalDate dossierFiledOn, String criteriaSetCode,
                              JsonNode memberScores, BigDecimal score, int scoreBand, int minimumsMetUpTo,
                              Integer stars, String disqualification, String disqualificationNote,
                              String productSetCode, JsonNode memberSheets, JsonNode minimumsNotMet) {
    }

    /** Member {@code member}'s scoring sheet (from 1) of evaluation {@code evaluationId}. */
    public PrintedDocument memberSheet(String evaluationId, int member) {
        Evaluation evaluation = evaluation(evaluationId);
        Product product = product(evaluation.productId());
        if (member < 1 || member > evaluation.memberScores().size()) {
            throw new NotFound("member " + member + " of the evaluation");
        }
        JsonNode scores = evaluation.memberScores().get(member - 1);
        List<Fact> facts = new ArrayList<>(evaluationFacts(product, evaluation));
        List<Table> tables = new ArrayList<>();
        String memberName = "Thành viên thứ " + member;
        if (evaluation.memberSheets() != null) {
            JsonNode sheet = evaluation.memberSheets().get(member - 1);
            if (sheet.hasNonNull("member")) {
                memberName += ": " + sheet.get("member").asText();
            }
            ScoringSheets.Sheet criteria = sheet(evaluation.productSetCode());
            List<List<String>> rows = new ArrayList<>();
            for (ScoringSheets.Criterion criterion : criteria.criteria()) {
                JsonNode answer = sheet.path("answers").path(criterion.code());
                int option = answer.path("option").asInt();
                rows.add(List.of(criterion.part(), criterion.code() + ". " + criterion.name(),
                        criterion.answers().get(option).text(), answer.path("points").asText(),
                        String.valueOf(criterion.max()), minimums(criterion)));
            }
            tables.add(new Table("Phiếu đánh giá theo tiêu chí — bộ sản phẩm " + criteria.code() + ": " + criteria.vi(),
                    List.of("Phần", "Tiêu chí", "Phương án đã chọn", "Điểm", "Tối đa", "Mức tối thiểu"),
                    List.of(2, 9, 11, 2, 2, 4), Set.of(3, 4), rows, Set.of()));
        }
        facts.add(new Fact("Thành viên hội đồng", memberName));
        tables.add(new Table("Điểm các phần", List.of("Phần A", "Phần B", "Phần C", "Tổng"), List.of(1, 1, 1, 1),
                Set.of(0, 1, 2, 3), List.of(List.of(points(scores.get("partA")), points(scores.get("partB")),
                points(scores.get("partC")), points(total(scores)))), Set.of()));
        return new PrintedDocument("phieu-danh-gia-" + evaluationId + "-" + member, "PHIẾU ĐÁNH GIÁ SẢN PHẨM OCOP",
                product.name(), facts, tables, List.of(SIGNED_ON, "Thành viên hội đồng (ký, ghi rõ họ tên)"));
    }

    /** The council's summary of evaluation {@code evaluationId}: every member's totals and the council's answers. */
    public PrintedDocument councilSummary(String evaluationId) {
        Evaluation evaluation = evaluation(evaluationId);
        Product product = product(evaluation.productId());
        List<Fact> facts = new ArrayList<>(evaluationFacts(product, evaluation));
        List<List<String>> members = new ArrayList<>();
        for (int index = 0; index < evaluation.memberScores().size(); index++) {
            JsonNode scores = evaluation.memberScores().get(index);
            String name = evaluation.memberSheets() != null
                    && evaluation.memberSheets().get(index).hasNonNull("member")
                    ? evaluation.memberSheets().get(index).get("member").asText() : "Thành viên thứ " + (index + 1);
            members.add(List.of(String.valueOf(index + 1), name, points(scores.get("partA")),
                    points(scores.get("partB")), points(scores.get("partC")), points(total(scores))));
        }
        List<Table> tables = new ArrayList<>();
        tables.add(new Table("Điểm của các thành viên", List.of("TT", "Thành viên", "Phần A", "Phần B", "Phần C", "Tổng"),
                List.of(1, 6, 2, 2, 2, 2), Set.of(2, 3, 4, 5), members, Set.of()));
        Set<String> capping = new HashSet<>();
        if (evaluation.memberSheets() != null) {
            capping = new LinkedHashSet<>(CouncilAnswers.cappedBy(evaluation.stars(),
                    evaluation.scoreBand(), evaluation.minimumsMetUpTo(),
                    json.convertValue(evaluation.minimumsNotMet(), new TypeReference<List<MinimumNotMet>>() { })));
            tables.add(criteriaTable(evaluation, capping));
        }
        facts.add(new Fact("Điểm bình quân", points(json.valueToTree(evaluation.score()))));
        facts.add(new Fact("Hạng theo điểm", evaluation.scoreBand() + " sao"));
        facts.add(new Fact("Mức sao đạt các tiêu chí bắt buộc", evaluation.minimumsMetUpTo() + " sao"));
        facts.add(new Fact("Kết quả", evaluation.stars() == null ? "Không xếp hạng" : evaluation.stars() + " sao"));
        if (evaluation.disqualification() != null) {
            facts.add(new Fact("Lý do không xếp hạng", disqualification(evaluation)));
        }
        List<String> closing = new ArrayList<>();
        for (String criterion : capping) {
            closing.add("Tiêu chí " + criterion + " giữ kết quả ở " + evaluation.minimumsMetUpTo()
                    + " sao: trả lời của hội đồng chưa đạt mức tối thiểu của " + (evaluation.minimumsMetUpTo() + 1)
                    + " sao.");
        }
        closing.add("Trả lời của hội đồng ở mỗi tiêu chí là phương án được nhiều thành viên chọn nhất; khi bằng nhau, "
                + "lấy phương án ít điểm hơn.");
        closing.add(SIGNED_ON);
        closing.add("Thư ký hội đồng (ký, ghi rõ họ tên)          Chủ tịch hội đồng (ký, ghi rõ họ tên)");
        return new PrintedDocument("tong-hop-ket-qua-" + evaluationId, "BẢNG TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ SẢN PHẨM OCOP",
                product.name(), facts, tables, closing);
    }

    /** Mẫu 02: the subject's self-assessment on the sheet of the product's set, or of {@code set} if given. */
    public PrintedDocument selfAssessment(String productId, String set) {
        Product product = product(productId);
        String code = set == null || set.isBlank() ? product.productSetCode() : set.strip();
        if (code == null) {
            throw new NotFound("product set of the product (name one with ?set=)");
        }
        ScoringSheets.Sheet sheet = sheet(code);
        List<List<String>> rows = new ArrayList<>();
        for (ScoringSheets.Criterion criterion : sheet.criteria()) {
            String options = criterion.answers().stream()
                    .map(option -> "– " + option.text() + " (" + (option.points() == null ? "—" : option.points())
                            + " điểm)")
                    .collect(Collectors.joining("\n"));
            rows.add(List.of(criterion.part(), criterion.code() + ". " + criterion.name(), options,
                    String.valueOf(criterion.max()), ""));
        }
        List<Fact> facts = new ArrayList<>(productFacts(product));
        facts.add(new Fact("Bộ sản phẩm", sheet.code() + ": " + sheet.vi()));
        facts.add(new Fact("Căn cứ", sheets.legalBasis()));
        return new PrintedDocument("mau-02-tu-danh-gia-" + productId, "PHIẾU TỰ ĐÁNH GIÁ PHÂN HẠNG SẢN PHẨM (Mẫu 02)",
                product.name(), facts, List.of(new Table("Tự đánh giá theo tiêu chí",
                        List.of("Phần", "Tiêu chí", "Các phương án", "Tối đa", "Tự chấm"), List.of(2, 8, 13, 2, 3),
                        Set.of(3), rows, Set.of())),
                List.of("Tổng điểm tự chấm: ……", SIGNED_ON, "Đại diện chủ thể (ký, ghi rõ họ tên, đóng dấu nếu có)"));
    }

    /** Mẫu 03: the commune's report on the product's dossier, with the facts the register holds. */
    public PrintedDocument communeReport(String productId) {
        Product product = product(productId);
        List<Fact> facts = new ArrayList<>(productFacts(product));
        LocalDate filedOn = jdbc.query("""
                select max(dossier_filed_on) from evaluation_view where product_id = ?""",
                rows -> rows.next() && rows.getDate(1) != null ? rows.getDate(1).toLocalDate() : null, productId);
        facts.add(new Fact("Ngày nộp hồ sơ đánh giá", filedOn == null ? "……" : vi(filedOn)));
        List<List<String>> rows = List.of(
                List.of("1", "Chủ thể có trụ sở, hoạt động sản xuất, kinh doanh trên địa bàn xã", ""),
                List.of("2", "Sản phẩm được sản xuất trên địa bàn xã", ""),
                List.of("3", "Hồ sơ đăng ký đầy đủ, các tài liệu đúng với thực tế", ""),
                List.of("4", "Chủ thể chấp hành quy định về an toàn thực phẩm, môi trường, lao động", ""),
                List.of("5", "Ý kiến khác", ""));
        return new PrintedDocument("mau-03-bao-cao-xa-" + productId,
                "BÁO CÁO CỦA ỦY BAN NHÂN DÂN XÃ VỀ HỒ SƠ SẢN PHẨM OCOP (Mẫu 03)", product.name(), facts,
                List.of(new Table("Nội dung xác nhận", List.of("TT", "Nội dung", "Ý kiến của Ủy ban nhân dân xã"),
                        List.of(1, 10, 10), Set.of(), rows, Set.of())),
                List.of(SIGNED_ON, "TM. Ủy ban nhân dân xã (ký, ghi rõ họ tên, đóng dấu)"));
    }

    private Table criteriaTable(Evaluation evaluation, Set<String> capping) {
        ScoringSheets.Sheet sheet = sheet(evaluation.productSetCode());
        int count = evaluation.memberSheets().size();
        List<String> headers = new ArrayList<>(List.of("Tiêu chí"));
        List<Integer> widths = new ArrayList<>(List.of(8));
        Set<Integer> numbers = new HashSet<>();
        for (int member = 1; member <= count; member++) {
            headers.add("TV" + member);
            widths.add(1);
            numbers.add(member);
        }
        headers.addAll(List.of("Trả lời của hội đồng", "Mức tối thiểu chưa đạt"));
        widths.addAll(List.of(6, 3));
        Map<String, MemberSheet.Answer> council = CouncilAnswers.of(
                json.convertValue(evaluation.memberSheets(), new TypeReference<List<MemberSheet>>() { }));
        Map<String, JsonNode> missed = new HashMap<>();
        evaluation.minimumsNotMet().forEach(entry -> missed.put(entry.get("criterion").asText(), entry));
        List<List<String>> rows = new ArrayList<>();
        Set<Integer> highlighted = new HashSet<>();
        for (ScoringSheets.Criterion criterion : sheet.criteria()) {
            List<String> row = new ArrayList<>(List.of(criterion.code() + ". " + criterion.name()));
            for (JsonNode member : evaluation.memberSheets()) {
                row.add(member.path("answers").path(criterion.code()).path("points").asText());
            }
            MemberSheet.Answer answer = council.get(criterion.code());
            row.add(criterion.answers().get(answer.option()).text() + " (" + answer.points() + " điểm)");
            JsonNode miss = missed.get(criterion.code());
            row.add(miss == null ? "" : miss.get("stars").asInt() + " sao (cần " + miss.get("required").asInt()
                    + " điểm)");
            if (capping.contains(criterion.code())) {
                highlighted.add(rows.size());
            }
            rows.add(row);
        }
        return new Table("Điểm từng tiêu chí và trả lời của hội đồng", headers, widths, numbers, rows, highlighted);
    }

    private String minimums(ScoringSheets.Criterion criterion) {
        return criterion.answers().stream().filter(option -> option.minimumFor() != null)
                .map(option -> option.minimumFor() + " sao: " + option.points() + " điểm")
                .collect(Collectors.joining("; "));
    }

    private List<Fact> evaluationFacts(Product product, Evaluation evaluation) {
        List<Fact> facts = new ArrayList<>(productFacts(product));
        facts.add(new Fact("Hội đồng", names.level(AuthorityLevel.valueOf(evaluation.level())).vi()));
        facts.add(new Fact("Ngày đánh giá", vi(evaluation.evaluatedOn())));
        facts.add(new Fact("Đợt", evaluation.round()));
        facts.add(new Fact("Bộ tiêu chí", names.decision(evaluation.criteriaSetCode()).vi()));
        return facts;
    }

    private List<Fact> productFacts(Product product) {
        // the unit as named on the product's registration, whichever side of 2025-07-01 that was
        String commune = (product.registeredOn() == null ? units.nameOf(product.communeCode())
                : units.unitOn(product.communeCode(), product.registeredOn()).map(AdministrativeUnits.Unit::name))
                .orElse(product.communeCode());
        return List.of(new Fact("Tên sản phẩm", product.name()), new Fact("Chủ thể", product.subjectName()),
                new Fact("Mã số đăng ký kinh doanh", product.registrationNumber()), new Fact("Xã", commune),
                new Fact("Nhóm sản phẩm", product.groupCode()),
                new Fact("Ngày đăng ký ý tưởng", vi(product.registeredOn())));
    }

    private String disqualification(Evaluation evaluation) {
        String ground;
        try {
            ground = Disqualification.valueOf(evaluation.disqualification()).vi();
        } catch (IllegalArgumentException recordedBeforeTheCodes) {
            ground = evaluation.disqualification();
        }
        return evaluation.disqualificationNote() == null ? ground : ground + " — " + evaluation.disqualificationNote();
    }

    private ScoringSheets.Sheet sheet(String code) {
        return sheets.sheet(code).orElseThrow(() -> new NotFound("product set " + code));
    }

    private Evaluation evaluation(String evaluationId) {
        List<Evaluation> found = jdbc.query("""
                select * from evaluation_view where evaluation_id = ?""", (row, n) -> new Evaluation(
                row.getString("evaluation_id"), row.getString("product_id"), row.getString("kind"),
                row.getString("level"), row.getString("round"), row.getDate("evaluated_on").toLocalDate(),
                row.getDate("dossier_filed_on") == null ? null : row.getDate("dossier_filed_on").toLocalDate(),
                row.getString("criteria_set_code"), tree(row.getString("member_scores")), row.getBigDecimal("score"),
                row.getInt("score_band"), row.getInt("minimums_met_up_to"), (Integer) row.getObject("stars"),
                row.getString("disqualification"), row.getString("disqualification_note"),
                row.getString("product_set_code"), tree(row.getString("member_sheets")),
                tree(row.getString("minimums_not_met"))), evaluationId);
        if (found.isEmpty()) {
            throw new NotFound("evaluation");
        }
        return found.get(0);
    }

    private Product product(String productId) {
        List<Product> found = jdbc.query("""
                select p.product_id, p.name, p.group_code, p.criteria_set_code, p.commune_code, p.registered_on,
                       s.name, s.registration_number
                from product_register p left join subject_view s on s.subject_id = p.subject_id
                where p.product_id = ?""", (row, n) -> new Product(row.getString(1), row.getString(2),
                row.getString(3), row.getString(4), row.getString(5), row.getDate(6).toLocalDate(), row.getString(7),
                row.getString(8)), productId);
        if (found.isEmpty() || !scope.sees(found.get(0).communeCode())) {
            throw new NotFound("product");
        }
        return found.get(0);
    }

    private JsonNode tree(String stored) {
        try {
            return stored == null ? null : json.readTree(stored);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BigDecimal total(JsonNode scores) {
        return scores.get("partA").decimalValue().add(scores.get("partB").decimalValue())
                .add(scores.get("partC").decimalValue());
    }

    private static String points(JsonNode value) {
        return points(value.decimalValue());
    }

    private static String points(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static String vi(LocalDate date) {
        return date == null ? "—" : date.format(VIETNAMESE_DATE);
    }
}
