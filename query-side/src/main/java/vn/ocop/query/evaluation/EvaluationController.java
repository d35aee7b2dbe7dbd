package vn.ocop.query.evaluation;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.ocop.events.common.AuthorityLevel;
import vn.ocop.events.product.CouncilAnswers;
import vn.ocop.events.product.MemberSheet;
import vn.ocop.events.product.MinimumNotMet;
import vn.ocop.query.common.Page;
import vn.ocop.reference.OcopRules;
import vn.ocop.query.common.PagedQuery;
import vn.ocop.query.common.ReaderScope;
import vn.ocop.query.common.ShadowReplay;

/** Council evaluations, filtered by round, level, year or product, of products in the reader's jurisdiction. */
@RestController
class EvaluationController {

    /**
     * One evaluation with the product's name, the members' scores and each part's mean. {@code scoredUnder} is
     * the decision it was scored under ({@code QD1048}, {@code QD148}, {@code QD148_1489}, {@code QD26_2026});
     * {@code criteriaSetCode}, the criteria set's code under its old name, is deprecated and goes in a later
     * release — a product's {@code criteriaSetCode} is its scoring sheet, another thing. Under 26/2026 the row
     * carries the product set whose sheet was filled ({@code productSetCode}), every member's answers
     * ({@code memberSheets}: per criterion, the option chosen and its points) and the minimums the council's
     * answers missed ({@code minimumsNotMet}, each with the lowest star it bars), the council's answer on each
     * criterion ({@code councilAnswers}) and the criteria that held the rating below its band ({@code cappedBy});
     * these are null for evaluations recorded as part totals. {@code disqualification} is a ground's code ({@code FORGED_DOCUMENTS},
     * {@code FOOD_SAFETY_ESTABLISHMENT_CERTIFICATE}, {@code INCOMPLETE_DOSSIER}) or, for evaluations recorded
     * before the codes, the council's words.
     */
    record EvaluationRow(String evaluationId, String productId, String productName, String kind, String level,
                         String round, LocalDate evaluatedOn, LocalDate dossierFiledOn, String scoredUnder,
                         @Deprecated String criteriaSetCode,
                         int members, JsonNode memberScores, BigDecimal partAMean, BigDecimal partBMean,
                         BigDecimal partCMean, BigDecimal score, int scoreBand, int minimumsMetUpTo, Integer stars,
                         String disqualification, String disqualificationNote, String officialProductCode,
                         String productSetCode, JsonNode memberSheets, JsonNode minimumsNotMet,
                         Map<String, MemberSheet.Answer> councilAnswers, List<String> cappedBy) {
    }

    private static final OcopRules RULES = OcopRules.load();
    private static final TypeReference<List<MemberSheet>> MEMBER_SHEETS = new TypeReference<>() { };
    private static final TypeReference<List<MinimumNotMet>> MINIMUMS_NOT_MET = new TypeReference<>() { };

    private static final List<String> VIEWS = List.of("evaluations", "register");

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final ShadowReplay history;
    private final ReaderScope scope;

    EvaluationController(JdbcTemplate jdbc, ObjectMapper json, ShadowReplay history, ReaderScope scope) {
        this.jdbc = jdbc;
        this.json = json;
        this.history = history;
        this.scope = scope;
    }

    @GetMapping("/api/evaluations")
    Page<EvaluationRow> evaluations(@RequestParam(required = false) String round,
                                    @RequestParam(required = false) AuthorityLevel level,
                                    @RequestParam(required = false) @Min(2018) @Max(2100) Integer year,
                                    @RequestParam(required = false) String productId,
                                    @RequestParam(defaultValue = "0") @Min(0) int page,
                                    @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size,
                                    @RequestParam(required = false) Instant asOf) {
        PagedQuery query = new PagedQuery()
                .filter("e.round = ?", round)
                .filter("e.level = ?", level == null ? null : level.name())
                .filter("extract(year from e.evaluated_on) = ?", year)
                .filter("e.product_id = ?", productId);
        List<String> communes = scope.within(null);
        if (communes != null) {
            query.in("r.commune_code", communes);
        }
        return history.at(asOf, VIEWS, date -> read(query, page, size));
    }

    private Page<EvaluationRow> read(PagedQuery query, int page, int size) {
        String withProducts = "evaluation_view e left join product_register r on r.product_id = e.product_id";
        return query.page(jdbc, withProducts, "e.evaluation_id", "e.*, r.name as product_name", withProducts,
                "e.evaluated_on desc, e.evaluation_id", (row, n) -> row(row), page, size);
    }

    private EvaluationRow row(ResultSet row) throws SQLException {
        LocalDate evaluatedOn = row.getDate("evaluated_on").toLocalDate();
        Integer stars = (Integer) row.getObject("stars");
        int band = row.getInt("score_band");
        int metUpTo = row.getInt("minimums_met_up_to");
        JsonNode sheets = read(row.getString("member_sheets"));
        JsonNode missed = read(row.getString("minimums_not_met"));
        return new EvaluationRow(row.getString("evaluation_id"), row.getString("product_id"),
                row.getString("product_name"), row.getString("kind"), row.getString("level"), row.getString("round"),
                evaluatedOn, row.getDate("dossier_filed_on") == null ? null
                        : row.getDate("dossier_filed_on").toLocalDate(),
                RULES.scoredUnder(row.getString("criteria_set_code"), evaluatedOn), row.getString("criteria_set_code"),
                row.getInt("members"), read(row.getString("member_scores")), row.getBigDecimal("part_a_mean"),
                row.getBigDecimal("part_b_mean"), row.getBigDecimal("part_c_mean"), row.getBigDecimal("score"), band,
                metUpTo, stars, row.getString("disqualification"), row.getString("disqualification_note"),
                row.getString("official_product_code"), row.getString("product_set_code"), sheets, missed,
                sheets == null ? null : CouncilAnswers.of(json.convertValue(sheets, MEMBER_SHEETS)),
                sheets == null ? null : CouncilAnswers.cappedBy(stars, band, metUpTo,
                        json.convertValue(missed, MINIMUMS_NOT_MET)));
    }

    private JsonNode read(String stored) {
        if (stored == null) {
            return null;
        }
        try {
            return json.readTree(stored);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
