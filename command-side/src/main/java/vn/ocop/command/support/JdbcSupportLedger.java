package vn.ocop.command.support;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.ocop.events.support.SupportKind;

/** The ledger as tables of the command side, in the command's transaction. */
@Component
class JdbcSupportLedger implements SupportLedger {

    private final JdbcTemplate jdbc;

    JdbcSupportLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void lockFor(String subjectId, String communeCode, int fiscalYear) {
        jdbc.query("select 1 from subject_standing where subject_id = ? for update", row -> { }, subjectId);
        jdbc.update("""
                insert into support_commune_year (commune_code, fiscal_year) values (?, ?)
                on conflict do nothing""", communeCode, fiscalYear);
        jdbc.query("select 1 from support_commune_year where commune_code = ? and fiscal_year = ? for update",
                row -> { }, communeCode, fiscalYear);
    }

    @Override
    public void committed(Entry entry) {
        jdbc.update("""
                insert into support_commitment (grant_id, subject_id, product_id, commune_code, kind, fiscal_year,
                    certificate_id, amount) values (?, ?, ?, ?, ?, ?, ?, ?)""",
                entry.grantId(), entry.subjectId(), entry.productId(), entry.communeCode(), entry.kind().name(),
                entry.fiscalYear(), entry.certificateId(), entry.amount());
    }

    @Override
    public void released(String grantId, long amount) {
        jdbc.update("update support_commitment set amount = amount - ? where grant_id = ?", amount, grantId);
    }

    @Override
    public long grantedToSubject(String subjectId, Collection<SupportKind> kinds, int fiscalYear) {
        Long total = jdbc.queryForObject("""
                select coalesce(sum(amount), 0) from support_commitment
                where subject_id = ? and fiscal_year = ? and kind = any (?)""", Long.class,
                subjectId, fiscalYear, names(kinds));
        return total == null ? 0 : total;
    }

    @Override
    public boolean certificateSupported(Collection<SupportKind> kinds, String certificateId) {
        Long count = jdbc.queryForObject("""
                select count(*) from support_commitment
                where certificate_id = ? and kind = any (?) and amount > 0""", Long.class,
                certificateId, names(kinds));
        return count != null && count > 0;
    }

    @Override
    public Set<String> productsSupportedInCommune(String communeCode, int fiscalYear) {
        return new HashSet<>(jdbc.queryForList("""
                select distinct product_id from support_commitment
                where commune_code = ? and fiscal_year = ? and product_id is not null and amount > 0""",
                String.class, communeCode, fiscalYear));
    }

    private static String[] names(Collection<SupportKind> kinds) {
        return kinds.stream().map(Enum::name).toArray(String[]::new);
    }
}
