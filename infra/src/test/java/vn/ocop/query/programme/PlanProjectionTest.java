package vn.ocop.query.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.ocop.events.common.AuthorityLevel;
import vn.ocop.events.common.Decision;
import vn.ocop.events.programme.ProgrammePlanEvent.PlannedProductLinked;
import vn.ocop.events.programme.ProgrammePlanEvent.PlannedProductListed;
import vn.ocop.events.programme.ProgrammePlanEvent.ProgrammePlanAdopted;
import vn.ocop.events.programme.ProgrammePlanEvent.ProgrammePlanAmended;
import vn.ocop.events.programme.ProgrammeTargets;
import vn.ocop.infra.ServiceTest;

/** The plans view against PostgreSQL: every plan event, applied twice, ends where applied once. */
class PlanProjectionTest extends ServiceTest {

    @Autowired
    PlanProjection projection;

    @Autowired
    JdbcTemplate jdbc;

    private final String plan = UUID.randomUUID().toString();
    private final String planned = UUID.randomUUID().toString();

    @AfterEach
    void removeRowsOfEventsNeverStored() {
        jdbc.update("delete from planned_product_view where plan_id = ?", plan);
        jdbc.update("delete from programme_plan_view where plan_id = ?", plan);
    }

    @Test
    void everyPlanEventIsAppliedOnce() {
        Decision adoption = new Decision("1392/QĐ-UBND", LocalDate.parse("2018-12-12"), "UBND", AuthorityLevel.PROVINCE);
        Decision amendment = new Decision("908/KH-UBND", LocalDate.parse("2021-04-07"), "UBND", AuthorityLevel.PROVINCE);
        ProgrammeTargets first = new ProgrammeTargets(138, null, 85, 10, null, null, List.of(), null);
        ProgrammeTargets second = new ProgrammeTargets(138, null, 85, 10, 1, 2025,
                List.of(new ProgrammeTargets.StarTarget(3, 250, 2025)), 10);
        for (int round = 0; round < 2; round++) {
            projection.on(new ProgrammePlanAdopted(plan, "Kế hoạch OCOP", 2018, 2030, first, adoption), 0);
            projection.on(new ProgrammePlanAmended(plan, 2030, second, amendment), 1);
            projection.on(new PlannedProductListed(plan, planned, "Sâm Ngọc Linh", "617", "23404", "3"));
            projection.on(new PlannedProductLinked(plan, planned, "p-1"));
        }

        Map<String, Object> row = jdbc.queryForMap("select amendments, decision_number, targets from "
                + "programme_plan_view where plan_id = ?", plan);
        assertThat(row).containsEntry("amendments", 1).containsEntry("decision_number", "908/KH-UBND");
        assertThat((String) row.get("targets")).contains("\"products\":250");
        assertThat(jdbc.queryForList("select product_id from planned_product_view where plan_id = ?", String.class,
                plan)).containsExactly("p-1");
    }
}
