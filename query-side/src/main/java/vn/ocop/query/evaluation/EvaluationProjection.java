package vn.ocop.query.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.function.Function;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.ocop.events.product.MemberScore;
import vn.ocop.events.product.ProductEvent.ProductEvaluated;
import vn.ocop.query.common.HeldBackRows;
import vn.ocop.query.common.WriteBehind;

/**
 * One row per evaluation; an evaluation is recorded once, so a replay inserts nothing new. Within a batch the rows
 * are held back and inserted together ({@link HeldBackRows}): a rebuild had spent a third of its time waiting on
 * the database in this view's one insert per event.
 */
@Component
@ProcessingGroup(EvaluationProjection.PROCESSING_GROUP)
class EvaluationProjection implements WriteBehind {

    static final String PROCESSING_GROUP = "evaluations";

    private static final String INSERT = """
            insert into evaluation_view (evaluation_id, product_id, kind, level, round, evaluated_on,
                dossier_filed_on, criteria_set_code, members, member_scores, part_a_mean, part_b_mean,
                part_c_mean, score, score_band, minimums_met_up_to, stars, disqualification, official_product_code,
                product_set_code, member_sheets, minimums_not_met, disqualification_note)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (evaluation_id) do nothing""";

    /** An evaluation's row, as the insert takes its values; the first is the evaluation's id. */
    private record Row(Object[] values) {
        String evaluationId() {
            return (String) values[0];
        }
    }

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final HeldBackRows<Row> rows;

    EvaluationProjection(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.rows = HeldBackRows.insertedOnce(jdbc, INSERT, Row::evaluationId, Row::values, 1_000);
    }

    @EventHandler
    void on(ProductEvaluated e) throws JsonProcessingException {
        List<MemberScore> members = e.memberScores();
        rows.save(new Row(new Object[] {
                e.evaluationId(), e.productId(), e.kind().name(), e.level().name(), e.round(), e.evaluatedOn(),
                e.dossierFiledOn(), e.criteriaSetCode(), members.size(), json.writeValueAsString(members),
                mean(members, MemberScore::partA), mean(members, MemberScore::partB), mean(members, MemberScore::partC),
                e.score(), e.scoreBand(), e.minimumsMetUpTo(), e.stars(), e.disqualification(),
                e.officialProductCode(), e.productSetCode(), jsonOrNull(e.memberSheets()),
                jsonOrNull(e.minimumsNotMet()), e.disqualificationNote()}));
    }

    private String jsonOrNull(Object value) throws JsonProcessingException {
        return value == null ? null : json.writeValueAsString(value);
    }

    @Override
    public void flush() {
        rows.flush();
    }

    @ResetHandler
    void reset() {
        rows.forget();
        jdbc.update("delete from evaluation_view");
    }

    private static BigDecimal mean(List<MemberScore> members, Function<MemberScore, BigDecimal> part) {
        return members.stream().map(part).reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(members.size()), 2, RoundingMode.DOWN);
    }
}
