package vn.ocop.query.dashboard;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.ocop.query.dashboard.DistrictFigures.CommuneFigures;
import vn.ocop.reference.AdministrativeUnits;

/** Counts by commune from the views' tallies, gathered into the district-level units of the reference data. */
@Component
class DistrictBreakdown {

    static final String UNATTRIBUTED = "unattributed";

    private final JdbcTemplate jdbc;
    private final AdministrativeUnits units;

    DistrictBreakdown(JdbcTemplate jdbc, AdministrativeUnits units) {
        this.jdbc = jdbc;
        this.units = units;
    }

    /** The figures per district-level unit (as before 2025-07-01), each with its communes. */
    List<DistrictFigures> byDistrict(int fiscalYear) {
        Map<String, DistrictAccumulator> districts = new LinkedHashMap<>();
        units.districts().forEach(district -> districts.put(district.code(),
                new DistrictAccumulator(district.code(), district.name())));
        return gather(fiscalYear, districts, this::districtCodeOf);
    }

    /**
     * The same figures per commune-level unit in force since 2025-07-01: every record, old or new, counts in the
     * unit that took over (or is) the commune it names; the communes listed are the codes the records name.
     */
    List<DistrictFigures> byCurrentUnit(int fiscalYear) {
        Map<String, DistrictAccumulator> current = new LinkedHashMap<>();
        units.currentUnits().forEach(unit -> current.put(unit.code(), new DistrictAccumulator(unit.code(), unit.name())));
        return gather(fiscalYear, current, communeCode -> units.currentUnitOf(communeCode)
                .map(AdministrativeUnits.CurrentUnit::code).orElse(UNATTRIBUTED));
    }

    private List<DistrictFigures> gather(int fiscalYear, Map<String, DistrictAccumulator> groups,
                                         Function<String, String> groupOf) {
        Map<String, long[]> byCommune = new TreeMap<>();
        Map<String, Map<Integer, Long>> starsByCommune = new HashMap<>();
        jdbc.query("""
                select commune_code, sum(products),
                       coalesce(sum(products) filter (where certificate_status in ('VALID', 'AWAITING_RE_EVALUATION')), 0)
                from register_tally group by commune_code""",
                row -> { figures(byCommune, row.getString(1))[0] = row.getLong(2);
                         figures(byCommune, row.getString(1))[1] = row.getLong(3); });
        jdbc.query("""
                select commune_code, stars, sum(products) from register_tally
                where certificate_status in ('VALID', 'AWAITING_RE_EVALUATION') group by commune_code, stars""",
                row -> { starsByCommune.computeIfAbsent(row.getString(1), code -> new TreeMap<>())
                        .put(row.getInt(2), row.getLong(3)); });
        jdbc.query("select commune_code, sum(subjects) from subject_tally group by commune_code",
                row -> { figures(byCommune, row.getString(1))[2] = row.getLong(2); });
        jdbc.query("""
                select commune_code, count(distinct product_id) from support_grant_view
                where fiscal_year = ? and product_id is not null group by commune_code""",
                row -> { figures(byCommune, row.getString(1))[3] = row.getLong(2); }, fiscalYear);
        byCommune.forEach((communeCode, counts) -> {
            DistrictAccumulator group = groups.computeIfAbsent(groupOf.apply(communeCode),
                    code -> new DistrictAccumulator(UNATTRIBUTED, "Chưa xác định / Unattributed"));
            group.add(new CommuneFigures(communeCode, communeName(communeCode), counts[0], counts[1], counts[2],
                    counts[3]), starsByCommune.getOrDefault(communeCode, Map.of()));
        });
        return groups.values().stream().map(DistrictAccumulator::figures).toList();
    }

    /** The name of the district-level unit a commune code belongs to (through the 2025 mapping if need be). */
    String districtNameOf(String communeCode) {
        String code = districtCodeOf(communeCode);
        return units.districts().stream().filter(district -> district.code().equals(code))
                .map(AdministrativeUnits.District::name).findFirst().orElse(UNATTRIBUTED);
    }

    private String districtCodeOf(String communeCode) {
        return units.districtOf(communeCode).map(AdministrativeUnits.District::code)
                .or(() -> units.currentUnits().stream()
                        .filter(unit -> unit.code().equals(communeCode) && unit.oldDistricts() != null
                                && unit.oldDistricts().size() == 1)
                        .map(unit -> unit.oldDistricts().get(0).code())
                        .findFirst())
                .orElse(UNATTRIBUTED);
    }

    private String communeName(String communeCode) {
        return units.commune(communeCode).map(AdministrativeUnits.Commune::name)
                .or(() -> units.currentUnits().stream().filter(unit -> unit.code().equals(communeCode))
                        .map(AdministrativeUnits.CurrentUnit::name).findFirst())
                .orElse(null);
    }

    private static long[] figures(Map<String, long[]> byCommune, String communeCode) {
        return byCommune.computeIfAbsent(communeCode, code -> new long[4]);
    }

    /** One district's figures as communes are added to it. */
    private static final class DistrictAccumulator {
        private final String code;
        private final String name;
        private final List<CommuneFigures> communes = new ArrayList<>();
        private final Map<Integer, Long> inForceByStars = new TreeMap<>();

        DistrictAccumulator(String code, String name) {
            this.code = code;
            this.name = name;
        }

        void add(CommuneFigures commune, Map<Integer, Long> stars) {
            communes.add(commune);
            stars.forEach((count, products) -> inForceByStars.merge(count, products, Long::sum));
        }

        DistrictFigures figures() {
            return new DistrictFigures(code, name,
                    communes.stream().mapToLong(CommuneFigures::registered).sum(),
                    communes.stream().mapToLong(CommuneFigures::inForce).sum(),
                    inForceByStars,
                    communes.stream().mapToLong(CommuneFigures::subjects).sum(),
                    communes.stream().mapToLong(CommuneFigures::supportedProducts).sum(),
                    List.copyOf(communes));
        }
    }
}
