package vn.ocop.query.dashboard;

import java.util.ArrayList;
import java.util.Arrays;
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

/**
 * Counts by commune from the views' tallies, gathered into the groups of the reference data: the district-level
 * units of the former provinces, the commune-level units of 2025-07-01 (an old commune counting in the unit the
 * crosswalk gives it, a split one in one unit only) or the provinces served; of all of them, or of one province.
 */
@Component
class DistrictBreakdown {

    static final String UNATTRIBUTED = "unattributed";

    private final JdbcTemplate jdbc;
    private final AdministrativeUnits units;

    DistrictBreakdown(JdbcTemplate jdbc, AdministrativeUnits units) {
        this.jdbc = jdbc;
        this.units = units;
    }

    /** The figures per district-level unit (as before 2025-07-01), each with its communes; null: every province. */
    List<DistrictFigures> byDistrict(int fiscalYear, String province) {
        Map<String, DistrictAccumulator> districts = new LinkedHashMap<>();
        units.districts().stream().filter(district -> province == null || district.provinceCode().equals(province))
                .forEach(district -> districts.put(district.code(),
                        new DistrictAccumulator(district.code(), district.name(), district.provinceCode())));
        return gather(fiscalYear, districts, this::districtCodeOf, province);
    }

    /** The figures per province served, each with its communes (old and new codes). */
    List<DistrictFigures> byProvince(int fiscalYear) {
        Map<String, DistrictAccumulator> provinces = new LinkedHashMap<>();
        units.provinces().forEach(province -> provinces.put(province.code(),
                new DistrictAccumulator(province.code(), province.name(), province.code())));
        return gather(fiscalYear, provinces, communeCode -> units.provinceOf(communeCode).orElse(UNATTRIBUTED), null);
    }

    /**
     * The same figures per commune-level unit in force since 2025-07-01: every record, old or new, counts in the
     * unit that took over (or is) the commune it names; the communes listed are the codes the records name.
     */
    List<DistrictFigures> byCurrentUnit(int fiscalYear, String province) {
        Map<String, DistrictAccumulator> current = new LinkedHashMap<>();
        units.currentUnits().stream().filter(unit -> province == null || unit.provinceCode().equals(province))
                .forEach(unit -> current.put(unit.code(),
                        new DistrictAccumulator(unit.code(), unit.name(), unit.provinceCode())));
        // a code is read as an old commune's first: a unit of 2025-07-01 that kept a code is where that commune went
        return gather(fiscalYear, current, communeCode -> units.currentUnitOf(communeCode)
                .or(() -> units.currentUnit(communeCode))
                .map(AdministrativeUnits.CurrentUnit::code).orElse(UNATTRIBUTED), province);
    }

    private List<DistrictFigures> gather(int fiscalYear, Map<String, DistrictAccumulator> groups,
                                         Function<String, String> groupOf, String province) {
        Map<String, Counts> byCommune = new HashMap<>();
        // the register's cells by commune and stars in one read: what is registered, and what is in force by stars
        jdbc.query("""
                select commune_code, stars, sum(products),
                       coalesce(sum(products) filter (where certificate_status in ('VALID', 'AWAITING_RE_EVALUATION')), 0),
                       count(*) filter (where certificate_status in ('VALID', 'AWAITING_RE_EVALUATION'))
                from register_tally group by commune_code, stars""", row -> {
                    Counts counts = counts(byCommune, row.getString(1));
                    counts.registered += row.getLong(3);
                    counts.inForce += row.getLong(4);
                    if (row.getLong(5) > 0) {
                        counts.inForceByStars.put(row.getInt(2), row.getLong(4));
                    }
                });
        jdbc.query("select commune_code, sum(subjects) from subject_tally group by commune_code",
                row -> { counts(byCommune, row.getString(1)).subjects = row.getLong(2); });
        jdbc.query("""
                select commune_code, count(distinct product_id) from support_grant_view
                where fiscal_year = ? and product_id is not null group by commune_code""",
                row -> { counts(byCommune, row.getString(1)).supportedProducts = row.getLong(2); }, fiscalYear);
        String[] communes = byCommune.keySet().toArray(String[]::new);
        Arrays.sort(communes);
        for (String communeCode : communes) {
            String provinceCode = units.provinceOf(communeCode).orElse(null);
            if (province != null && !province.equals(provinceCode)) {
                continue;
            }
            Counts counts = byCommune.get(communeCode);
            DistrictAccumulator group = groups.computeIfAbsent(groupOf.apply(communeCode),
                    code -> new DistrictAccumulator(UNATTRIBUTED, "Chưa xác định / Unattributed", null));
            group.add(new CommuneFigures(communeCode, communeName(communeCode), counts.registered, counts.inForce,
                    counts.subjects, counts.supportedProducts), counts.inForceByStars);
        }
        return groups.values().stream().map(DistrictAccumulator::figures).toList();
    }

    /** One commune's figures as the tallies' rows are read. */
    private static final class Counts {
        long registered;
        long inForce;
        long subjects;
        long supportedProducts;
        final Map<Integer, Long> inForceByStars = new TreeMap<>();
    }

    private static Counts counts(Map<String, Counts> byCommune, String communeCode) {
        return byCommune.computeIfAbsent(communeCode, code -> new Counts());
    }

    /** The name of the district-level unit a commune code belongs to (through the 2025 mapping if need be). */
    String districtNameOf(String communeCode) {
        String code = districtCodeOf(communeCode);
        return units.districts().stream().filter(district -> district.code().equals(code))
                .map(AdministrativeUnits.District::name).findFirst().orElse(UNATTRIBUTED);
    }

    private String districtCodeOf(String communeCode) {
        return units.districtOf(communeCode).map(AdministrativeUnits.District::code)
                .or(() -> units.currentUnit(communeCode).filter(unit -> unit.oldDistricts().size() == 1)
                        .map(unit -> unit.oldDistricts().get(0).code()))
                .orElse(UNATTRIBUTED);
    }

    private String communeName(String communeCode) {
        return units.commune(communeCode).map(AdministrativeUnits.Commune::name)
                .or(() -> units.currentUnit(communeCode).map(AdministrativeUnits.CurrentUnit::name))
                .orElse(null);
    }

    /** One district's figures as communes are added to it. */
    private static final class DistrictAccumulator {
        private final String code;
        private final String name;
        private final String provinceCode;
        private final List<CommuneFigures> communes = new ArrayList<>();
        private final Map<Integer, Long> inForceByStars = new TreeMap<>();

        DistrictAccumulator(String code, String name, String provinceCode) {
            this.code = code;
            this.name = name;
            this.provinceCode = provinceCode;
        }

        void add(CommuneFigures commune, Map<Integer, Long> stars) {
            communes.add(commune);
            stars.forEach((count, products) -> inForceByStars.merge(count, products, Long::sum));
        }

        DistrictFigures figures() {
            return new DistrictFigures(code, name, provinceCode,
                    communes.stream().mapToLong(CommuneFigures::registered).sum(),
                    communes.stream().mapToLong(CommuneFigures::inForce).sum(),
                    inForceByStars,
                    communes.stream().mapToLong(CommuneFigures::subjects).sum(),
                    communes.stream().mapToLong(CommuneFigures::supportedProducts).sum(),
                    List.copyOf(communes));
        }
    }
}
