package vn.ocop.query.dashboard;

import java.sql.Date;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.ocop.query.dashboard.Overview.Money;

/** The dashboards' figures, computed by the database from the views. */
@Component
class DashboardQueries {

    private static final String IN_FORCE = "certificate_status in ('VALID', 'AWAITING_RE_EVALUATION')";

    private final JdbcTemplate jdbc;

    DashboardQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Overview overview(LocalDate today, int fiscalYear) {
        return new Overview(products(), subjects(), certificates(today), support(fiscalYear));
    }

    private Overview.Products products() {
        Map<Integer, Long> byStars = new TreeMap<>();
        jdbc.query("select stars, count(*) from product_register where " + IN_FORCE + " group by stars",
                row -> { byStars.put(row.getInt(1), row.getLong(2)); });
        return new Overview.Products(
                count("select count(*) from product_register"),
                count("select count(*) from product_register where " + IN_FORCE),
                byStars,
                counts("select group_code, count(*) from product_register where " + IN_FORCE + " group by group_code"),
                counts("select stage, count(*) from product_register group by stage"),
                count("select count(*) from product_register where key_product"),
                count("select count(*) from product_register where provincial_level"),
                count("select count(*) from product_register where nominated_for_five_stars"));
    }

    private Overview.Subjects subjects() {
        Map<String, Long> byLegalForm = counts("select legal_form, count(*) from subject_view group by legal_form");
        long total = byLegalForm.values().stream().mapToLong(Long::longValue).sum();
        return new Overview.Subjects(total, byLegalForm,
                counts("select standing, count(*) from subject_view group by standing"),
                percent(byLegalForm.getOrDefault("COOPERATIVE", 0L), total),
                percent(byLegalForm.getOrDefault("ENTERPRISE", 0L), total));
    }

    private Overview.Certificates certificates(LocalDate today) {
        return new Overview.Certificates(
                jdbc.queryForObject("select count(*) from product_register where certificate_status = 'VALID' "
                        + "and certificate_expires_on <= ?", Long.class, Date.valueOf(today.plusDays(90))),
                count("select count(*) from product_register where certificate_status = 'AWAITING_RE_EVALUATION'"),
                count("select count(*) from product_register where certificate_status = 'EXPIRED'"),
                count("select count(*) from product_register where certificate_status = 'REVOKED'"));
    }

    private Overview.Support support(int fiscalYear) {
        Map<String, Money> bySource = new TreeMap<>();
        jdbc.query("""
                select l.source, sum(l.allocated), sum(l.committed),
                       coalesce(sum((select sum(g.disbursed) from support_grant_view g
                                     where g.budget_line_id = l.budget_line_id)), 0)
                from budget_line_view l where l.fiscal_year = ? group by l.source""",
                row -> { bySource.put(row.getString(1), new Money(row.getLong(2), row.getLong(3), row.getLong(4))); },
                fiscalYear);
        Map<String, Money> byKind = new TreeMap<>();
        jdbc.query("""
                select kind, sum(amount - released), sum(disbursed) from support_grant_view
                where fiscal_year = ? group by kind""",
                row -> { byKind.put(row.getString(1), new Money(0, row.getLong(2), row.getLong(3))); }, fiscalYear);
        long grants = jdbc.queryForObject("select count(*) from support_grant_view where fiscal_year = ?", Long.class,
                fiscalYear);
        return new Overview.Support(fiscalYear,
                bySource.values().stream().mapToLong(Money::allocated).sum(),
                bySource.values().stream().mapToLong(Money::committed).sum(),
                bySource.values().stream().mapToLong(Money::disbursed).sum(),
                grants, bySource, byKind);
    }

    /** Every line of the fiscal year with its use, and the money by kind, source and district. */
    SupportDashboard support(int fiscalYear, java.util.function.Function<String, String> districtOfCommune) {
        List<SupportDashboard.Line> lines = jdbc.query("""
                select l.budget_line_id, l.province_code, l.source, l.allocated, l.committed,
                       coalesce((select sum(g.disbursed) from support_grant_view g
                                 where g.budget_line_id = l.budget_line_id), 0), l.closed, l.decision_number
                from budget_line_view l where l.fiscal_year = ? order by l.source, l.budget_line_id""",
                (row, n) -> new SupportDashboard.Line(row.getString(1), row.getString(2), row.getString(3),
                        row.getLong(4), row.getLong(5), row.getLong(6), row.getLong(4) - row.getLong(5),
                        row.getBoolean(7), row.getString(8)), fiscalYear);
        Map<String, Money> bySource = new TreeMap<>();
        lines.forEach(line -> bySource.merge(line.source(),
                new Money(line.allocated(), line.committed(), line.disbursed()), DashboardQueries::add));
        Map<String, Money> byKind = new TreeMap<>();
        Map<String, Money> byDistrict = new TreeMap<>();
        jdbc.query("""
                select kind, commune_code, sum(amount - released), sum(disbursed) from support_grant_view
                where fiscal_year = ? group by kind, commune_code""",
                row -> {
                    Money money = new Money(0, row.getLong(3), row.getLong(4));
                    byKind.merge(row.getString(1), money, DashboardQueries::add);
                    byDistrict.merge(districtOfCommune.apply(row.getString(2)), money, DashboardQueries::add);
                }, fiscalYear);
        return new SupportDashboard(fiscalYear, lines, byKind, bySource, byDistrict);
    }

    private static Money add(Money one, Money other) {
        return new Money(one.allocated() + other.allocated(), one.committed() + other.committed(),
                one.disbursed() + other.disbursed());
    }

    private long count(String sql) {
        Long count = jdbc.queryForObject(sql, Long.class);
        return count == null ? 0 : count;
    }

    private Map<String, Long> counts(String sql) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query(sql + " order by 1", row -> { counts.put(row.getString(1), row.getLong(2)); });
        return counts;
    }

    private static double percent(long part, long whole) {
        return whole == 0 ? 0 : Math.round(part * 1000.0 / whole) / 10.0;
    }
}
