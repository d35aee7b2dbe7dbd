package vn.ocop.query.programme;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.ocop.events.programme.ProgrammePlanEvent.PlannedProductLinked;
import vn.ocop.events.programme.ProgrammePlanEvent.PlannedProductListed;
import vn.ocop.events.programme.ProgrammePlanEvent.ProgrammePlanAdopted;
import vn.ocop.events.programme.ProgrammePlanEvent.ProgrammePlanAmended;
import vn.ocop.events.programme.ProgrammeTargets;

/** Keeps each plan with its targets in force, and its planned products. Replays change nothing. */
@Component
@ProcessingGroup(PlanProjection.PROCESSING_GROUP)
class PlanProjection {

    static final String PROCESSING_GROUP = "programme-plans";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    PlanProjection(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(ProgrammePlanAdopted event, @SequenceNumber long sequence) {
        jdbc.update("""
                insert into programme_plan_view (plan_id, title, from_year, to_year, targets, decision_number,
                    decided_on, amendments, version)
                values (?, ?, ?, ?, ?, ?, ?, 0, ?) on conflict (plan_id) do nothing""",
                event.planId(), event.title(), event.fromYear(), event.toYear(), write(event.targets()),
                event.decision().number(), event.decision().date(), sequence);
    }

    @EventHandler
    void on(ProgrammePlanAmended event, @SequenceNumber long sequence) {
        jdbc.update("""
                update programme_plan_view set to_year = ?, targets = ?, decision_number = ?, decided_on = ?,
                    amendments = amendments + 1, version = ?
                where plan_id = ? and version < ?""", event.toYear(), write(event.targets()),
                event.decision().number(), event.decision().date(), sequence, event.planId(), sequence);
    }

    @EventHandler
    void on(PlannedProductListed event) {
        jdbc.update("""
                insert into planned_product_view (planned_product_id, plan_id, name, district_code, commune_code,
                    group_code) values (?, ?, ?, ?, ?, ?) on conflict (planned_product_id) do nothing""",
                event.plannedProductId(), event.planId(), event.name(), event.districtCode(), event.communeCode(),
                event.groupCode());
    }

    @EventHandler
    void on(PlannedProductLinked event) {
        jdbc.update("update planned_product_view set product_id = ? where planned_product_id = ?",
                event.productId(), event.plannedProductId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from planned_product_view");
        jdbc.update("delete from programme_plan_view");
    }

    private String write(ProgrammeTargets targets) {
        try {
            return json.writeValueAsString(targets);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
