package vn.ocop.query.programme;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.ocop.query.common.RecordStates;

/** A programme plan: its row, with its planned products. */
@Component
class PlanStates implements RecordStates {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    PlanStates(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public String type() {
        return "programme-plans";
    }

    @Override
    public String view() {
        return "programme-plans";
    }

    @Override
    public Optional<Map<String, Object>> find(String id) {
        return jdbc.queryForList("select * from programme_plan_view where plan_id = ?", id).stream().findFirst()
                .map(plan -> {
                    Map<String, Object> state = new LinkedHashMap<>(plan);
                    state.put("targets", targets((String) plan.get("targets")));
                    state.put("plannedProducts", jdbc.queryForList(
                            "select * from planned_product_view where plan_id = ? order by planned_product_id", id));
                    return state;
                });
    }

    private JsonNode targets(String stored) {
        try {
            return json.readTree(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the plan view holds unreadable targets", e);
        }
    }
}
