package vn.ocop.query.programme;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.ocop.events.programme.ProgrammeTargets;
import vn.ocop.query.common.ShadowReplay;
import vn.ocop.query.programme.PlanProgress.Measure;
import vn.ocop.reference.AdministrativeUnits;

/** Progress against every plan's targets in force. */
@RestController
class PlanProgressController {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final AdministrativeUnits units;
    private final ShadowReplay history;

    PlanProgressController(JdbcTemplate jdbc, ObjectMapper json, AdministrativeUnits units,
                           ShadowReplay history) {
        this.jdbc = jdbc;
        this.json = json;
        this.units = units;
        this.history = history;
    }

    @GetMapping("/api/dashboard/targets")
    List<PlanProgress> targets(@RequestParam(required = false) Instant asOf) {
        return history.at(asOf, this::plans);
    }

    private List<PlanProgress> plans(LocalDate today) {
        return jdbc.query("""
                select plan_id, title, from_year, to_year, decision_number, decided_on, amendments, targets
                from programme_plan_view order by decided_on desc, plan_id""",
                (row, n) -> {
                    ProgrammeTargets targets = read(row.getString("targets"));
                    String planId = row.getString("plan_id");
                    return new PlanProgress(planId, row.getString("title"), row.getInt("from_year"),
                            row.getInt("to_year"), row.getString("decision_number"),
                            row.getDate("decided_on").toLocalDate(), row.getInt("amendments"), targets,
                            progress(planId, targets, today.getYear()));
                });
    }

    private List<Measure> progress(String planId, ProgrammeTargets targets, int year) {
        List<Measure> measures = new ArrayList<>();
        if (targets.plannedProducts() != null) {
            measures.add(Measure.of("plannedProducts", targets.plannedProducts(),
                    count("select count(*) from product_register where stage <> 'IDEA_RETURNED'")));
        }
        if (targets.keyProducts() != null) {
            measures.add(Measure.of("keyProducts", targets.keyProducts(),
                    count("select count(*) from product_register where key_product")));
        }
        if (targets.productsToProvincialLevel() != null) {
            measures.add(Measure.of("productsToProvincialLevel", targets.productsToProvincialLevel(),
                    count("select count(*) from product_register where provincial_level")));
        }
        if (targets.starTargets() != null) {
            for (ProgrammeTargets.StarTarget star : targets.starTargets()) {
                measures.add(Measure.of("productsAtLeast" + star.minStars() + "Stars by " + star.byYear(),
                        star.products(), count("select count(*) from product_register where stars >= ? "
                                + "and certificate_status in ('VALID', 'AWAITING_RE_EVALUATION')", star.minStars())));
            }
        }
        Integer perDistrict = targets.supportedProductsPerDistrictPerYear();
        if (perDistrict != null && (targets.supportedProductsFromYear() == null
                || year >= targets.supportedProductsFromYear())) {
            measures.add(Measure.of("districtsWithAtLeast" + perDistrict + "SupportedProducts in " + year,
                    units.districts().size(), districtsWithSupportedProducts(year, perDistrict)));
        }
        measures.add(Measure.of("plannedProductsRealised",
                count("select count(*) from planned_product_view where plan_id = ?", planId),
                count("select count(*) from planned_product_view where product_id is not null and plan_id = ?",
                        planId)));
        return measures;
    }

    /** District-level units with at least {@code minimum} distinct products supported in the fiscal year. */
    private long districtsWithSupportedProducts(int year, int minimum) {
        Map<String, Set<String>> productsByDistrict = new HashMap<>();
        jdbc.query("""
                select distinct commune_code, product_id from support_grant_view
                where fiscal_year = ? and product_id is not null""",
                row -> {
                    String product = row.getString(2);
                    units.districtOf(row.getString(1)).ifPresent(district -> productsByDistrict
                            .computeIfAbsent(district.code(), code -> new HashSet<>()).add(product));
                },
                year);
        return productsByDistrict.values().stream().filter(products -> products.size() >= minimum).count();
    }

    private long count(String sql, Object... arguments) {
        Long count = jdbc.queryForObject(sql, Long.class, arguments);
        return count == null ? 0 : count;
    }

    private ProgrammeTargets read(String targets) {
        try {
            return json.readValue(targets, ProgrammeTargets.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
