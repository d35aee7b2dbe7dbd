package vn.ocop.query.dashboard;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.ocop.query.dashboard.Overview.Money;
import vn.ocop.query.register.ExpiringCertificates;

/** The dashboards' figures, computed by the database from the views and the counts kept beside them. */
@Component
class DashboardQueries {

    private static final String IN_FORCE = "certificate_status in ('VALID', 'AWAITING_RE_EVALUATION')";

    private final JdbcTemplate jdbc;
    private final ExpiringCertificates expiring;

    DashboardQueries(JdbcTemplate jdbc, ExpiringCertificates expiring) {
        this.jdbc = jdbc;
        this.expiring = expiring;
    }

    /**
     * The headline figures of the whole deployment, or with {@code place} of one province: its commune codes old and
     * new, and the codes its budget lines were allocated under (its own and its former provinces').
     */
    Overview overview(LocalDate today, int fiscalYear, Place place) {
        String where = place == null ? "" : " where commune_code = any (?)";
        Object[] within = place == null ? new Object[0] : new Object[] {place.communes()};
        // the register's figures from its tallies: a cell per combination counted by, and the certificates by
        // status and expiry date for the expiring ones, whose day moves with today
        Map<String, Long> figures = new LinkedHashMap<>();
        jdbc.query("""
                select coalesce(sum(products), 0) as registered,
                       coalesce(sum(products) filter (where %1$s), 0) as in_force,
                       coalesce(sum(products) filter (where key_product), 0) as key_products,
                       coalesce(sum(products) filter (where provincial_level), 0) as provincial_level,
                       coalesce(sum(products) filter (where nominated_for_five_stars), 0) as nominated,
                       coalesce(sum(products) filter (where certificate_status = 'AWAITING_RE_EVALUATION'), 0)
                           as awaiting,
                       coalesce(sum(products) filter (where certificate_status = 'EXPIRED'), 0) as expired,
                       coalesce(sum(products) filter (where certificate_status = 'REVOKED'), 0) as revoked
                from register_tally""".formatted(IN_FORCE) + where, row -> {
                    for (int column = 1; column <= row.getMetaData().getColumnCount(); column++) {
                        figures.put(row.getMetaData().getColumnLabel(column), row.getLong(column));
                    }
                }, within);
        figures.put("expiring", place == null ? expiring.validExpiringBy(today.plusDays(90))
                : expiring.validExpiringBy(today.plusDays(90), place.communes()));
        Map<Integer, Long> byStars = new TreeMap<>();
        Map<String, Long> byGroup = new LinkedHashMap<>();
        Map<String, Long> byStage = new LinkedHashMap<>();
        jdbc.query("""
                select grouping(stars), grouping(group_code), stars, group_code, stage,
                       coalesce(sum(products) filter (where %s), 0), sum(products)
                from register_tally%s
                group by grouping sets ((stars), (group_code), (stage))
                order by stars nulls last, group_code nulls last, stage nulls last""".formatted(IN_FORCE, where),
                row -> {
                    long inForce = row.getLong(6);
                    if (row.getInt(1) == 0) {
                        if (inForce > 0) {
                            byStars.put(row.getInt(3), inForce);
                        }
                    } else if (row.getInt(2) == 0) {
                        if (inForce > 0) {
                            byGroup.put(row.getString(4), inForce);
                        }
                    } else {
                        byStage.put(row.getString(5), row.getLong(7));
                    }
                }, within);
        Overview.Products products = new Overview.Products(figures.get("registered"), figures.get("in_force"),
                byStars, byGroup, byStage, figures.get("key_products"), figures.get("provincial_level"),
                figures.get("nominated"));
        Overview.Certificates certificates = new Overview.Certificates(figures.get("expiring"),
                figures.get("awaiting"), figures.get("expired"), figures.get("revoked"));
        return new Overview(products, subjects(where, within), certificates, support(fiscalYear, place));
    }

    /** A province's commune codes (old and new) and the province codes its budget lines bear. */
    record Place(String[] communes, String[] budgetProvinces) {
    }

    private Overview.Subjects subjects(String where, Object[] within) {
        Map<String, Long> byLegalForm = new LinkedHashMap<>();
        Map<String, Long> byStanding = new LinkedHashMap<>();
        jdbc.query("""
                select grouping(legal_form), legal_form, standing, sum(subjects) from subject_tally%s
                group by grouping sets ((legal_form), (standing))
                order by legal_form nulls last, standing nulls last""".formatted(where), row -> {
                    (row.getInt(1) == 0 ? byLegalForm : byStanding)
                            .put(row.getInt(1) == 0 ? row.getString(2) : row.getString(3), row.getLong(4));
                }, within);
        long total = byLegalForm.values().stream().mapToLong(Long::longValue).sum();
        return new Overview.Subjects(total, byLegalForm, byStanding,
                percent(byLegalForm.getOrDefault("COOPERATIVE", 0L), total),
                percent(byLegalForm.getOrDefault("ENTERPRISE", 0L), total));
    }

    private Overview.Support support(int fiscalYear, Place place) {
        String lines = place == null ? "" : " and l.province_code = any (?)";
        String grantsIn = place == null ? "" : " and commune_code = any (?)";
        Object[] lineArguments = place == null ? new Object[] {fiscalYear}
                : new Object[] {fiscalYear, place.budgetProvinces()};
        Object[] grantArguments = place == null ? new Object[] {fiscalYear}
                : new Object[] {fiscalYear, place.communes()};
        Map<String, Money> bySource = new TreeMap<>();
        jdbc.query("""
                select l.source, sum(l.allocated), sum(l.committed),
                       coalesce(sum((select sum(g.disbursed) from support_grant_view g
                                     where g.budget_line_id = l.budget_line_id)), 0)
                from budget_line_view l where l.fiscal_year = ?%s group by l.source""".formatted(lines),
                row -> { bySource.put(row.getString(1), new Money(row.getLong(2), row.getLong(3), row.getLong(4))); },
                lineArguments);
        Map<String, Money> byKind = new TreeMap<>();
        jdbc.query("""
                select kind, sum(amount - released), sum(disbursed) from support_grant_view
                where fiscal_year = ?%s group by kind""".formatted(grantsIn),
                row -> { byKind.put(row.getString(1), new Money(0, row.getLong(2), row.getLong(3))); },
                grantArguments);
        long grants = jdbc.queryForObject("select count(*) from support_grant_view where fiscal_year = ?" + grantsIn,
                Long.class, grantArguments);
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

    private static double percent(long part, long whole) {
        return whole == 0 ? 0 : Math.round(part * 1000.0 / whole) / 10.0;
    }
}
