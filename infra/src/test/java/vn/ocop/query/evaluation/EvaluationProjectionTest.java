package vn.ocop.query.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ocop.events.common.AuthorityLevel;
import vn.ocop.events.product.EvaluationKind;
import vn.ocop.events.product.MemberScore;
import vn.ocop.events.product.ProductEvent.ProductEvaluated;
import vn.ocop.infra.ServiceTest;

/** The evaluations view against PostgreSQL: an evaluation applied twice is one row, with its parts' means. */
class EvaluationProjectionTest extends ServiceTest {

    @Autowired
    EvaluationProjection projection;

    @Autowired
    JdbcTemplate jdbc;

    private final String evaluation = UUID.randomUUID().toString();

    @AfterEach
    void removeTheRowOfAnEventNeverStored() {
        jdbc.update("delete from evaluation_view where evaluation_id = ?", evaluation);
    }

    @Autowired
    PlatformTransactionManager transactionManager;

    private ProductEvaluated evaluated() {
        return new ProductEvaluated("p-1", evaluation, EvaluationKind.FIRST, AuthorityLevel.PROVINCE,
                "2024-1", LocalDate.parse("2024-05-01"), null, "QD148",
                List.of(new MemberScore(new BigDecimal("35"), new BigDecimal("20"), new BigDecimal("25")),
                        new MemberScore(new BigDecimal("30"), new BigDecimal("21"), new BigDecimal("20"))),
                new BigDecimal("75.50"), 4, 3, 3, null, "62-23374-001-2024");
    }

    @Test
    void aBatchInsertsItsEvaluationsAsItCommitsAndAReplayedOneChangesNothing() throws Exception {
        ProductEvaluated event = evaluated();
        TransactionTemplate batch = new TransactionTemplate(transactionManager);
        batch.executeWithoutResult(status -> {
            on(event);
            assertThat(stored()).as("held back until the batch commits").isEmpty();
        });
        assertThat(stored()).hasSize(1);

        batch.executeWithoutResult(status -> on(event)); // the same event in a later batch, as a replay brings it

        assertThat(stored()).hasSize(1);
        assertThat(stored().get(0)).containsEntry("stars", 3);
    }

    private void on(ProductEvaluated event) {
        try {
            projection.on(event);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Map<String, Object>> stored() {
        return jdbc.queryForList("select * from evaluation_view where evaluation_id = ?", evaluation);
    }

    @Test
    void anEvaluationIsOneRowWithTheMeansOfItsParts() throws Exception {
        ProductEvaluated event = evaluated();

        projection.on(event);
        projection.on(event);

        List<Map<String, Object>> rows = jdbc.queryForList("select * from evaluation_view where evaluation_id = ?",
                evaluation);
        assertThat(rows).hasSize(1);
        assertThat((BigDecimal) rows.get(0).get("part_a_mean")).isEqualByComparingTo("32.50");
        assertThat((BigDecimal) rows.get(0).get("part_b_mean")).isEqualByComparingTo("20.50");
        assertThat((BigDecimal) rows.get(0).get("part_c_mean")).isEqualByComparingTo("22.50");
        assertThat(rows.get(0)).containsEntry("members", 2).containsEntry("stars", 3)
                .containsEntry("official_product_code", "62-23374-001-2024");
    }
}
