package vn.ocop.query.subject;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import vn.ocop.query.common.KeysFirst;
import vn.ocop.query.common.Page;
import vn.ocop.query.common.TextSearch;

/** Lists of subjects, and what a subject holds: its products, their certificates, the support it received. */
@Component
class SubjectDirectory {

    /** A subject in a list; no personal data. */
    record SubjectSummary(String id, String legalForm, String name, String registrationNumber, String communeCode,
                          String standing, long version) {
    }

    /** A subject's products with their current certificate, and the support it received. */
    record Portfolio(String subjectId, List<ProductHeld> products, SupportReceived support) {
    }

    record ProductHeld(String productId, String name, String groupCode, String stage, Integer stars,
                       String certificateStatus, LocalDate certificateExpiresOn) {
    }

    /** In whole đồng: committed net of cancellations, and disbursed. */
    record SupportReceived(long grants, long committed, long disbursed) {
    }

    private final JdbcTemplate jdbc;
    private final TextSearch textSearch;

    SubjectDirectory(JdbcTemplate jdbc, TextSearch textSearch) {
        this.jdbc = jdbc;
        this.textSearch = textSearch;
    }

    /** Subjects matching every filter given; {@code communes} null means every commune. */
    Page<SubjectSummary> search(String q, List<String> communes, String legalForm, String standing, int page,
                                int size) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> arguments = new ArrayList<>();
        if (q != null && !q.isBlank()) {
            where.append(" and search_text like ?");
            arguments.add(TextSearch.containing(q));
        }
        if (communes != null) {
            where.append(" and commune_code = any (?)");
            arguments.add(communes.toArray(String[]::new));
        }
        for (String[] filter : new String[][] {{"legal_form", legalForm}, {"standing", standing}}) {
            if (filter[1] != null) {
                where.append(" and ").append(filter[0]).append(" = ?");
                arguments.add(filter[1]);
            }
        }
        String columns = "subject_id, legal_form, name, registration_number, commune_code, standing, version";
        RowMapper<SubjectSummary> summary = (row, n) -> new SubjectSummary(row.getString(1), row.getString(2),
                row.getString(3), row.getString(4), row.getString(5), row.getString(6), row.getLong(7));
        String orderBy = "search_text, subject_id";
        if (q != null && !q.isBlank()) {
            return textSearch.page(columns, "subject_view", "subject_id", "subject_view" + where, arguments, orderBy,
                    summary, page, size);
        }
        // the tally counts by every column filtered on without text
        Long total = jdbc.queryForObject("select coalesce(sum(subjects), 0) from " + SubjectRows.TALLY + where,
                Long.class, arguments.toArray());
        Object[] paged = Page.arguments(arguments, page, size);
        List<SubjectSummary> items = jdbc.query(KeysFirst.page(columns, "subject_view", "subject_id",
                "subject_view" + where, orderBy), summary, paged);
        return new Page<>(items, page, size, total == null ? 0 : total);
    }

    /** The subject's commune, when the subject is known. */
    Optional<String> communeOf(String subjectId) {
        return jdbc.queryForList("select commune_code from subject_view where subject_id = ?", String.class,
                subjectId).stream().findFirst();
    }

    Portfolio portfolio(String subjectId) {
        List<ProductHeld> products = jdbc.query("""
                select product_id, name, group_code, stage, stars, certificate_status, certificate_expires_on
                from product_register where subject_id = ? order by registered_on, product_id""",
                (row, n) -> {
                    Date expires = row.getDate(7);
                    return new ProductHeld(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                            (Integer) row.getObject(5), row.getString(6),
                            expires == null ? null : expires.toLocalDate());
                }, subjectId);
        SupportReceived support = jdbc.queryForObject("""
                select count(*), coalesce(sum(amount - released), 0), coalesce(sum(disbursed), 0)
                from support_grant_view where subject_id = ?""",
                (row, n) -> new SupportReceived(row.getLong(1), row.getLong(2), row.getLong(3)), subjectId);
        return new Portfolio(subjectId, products, support);
    }
}
