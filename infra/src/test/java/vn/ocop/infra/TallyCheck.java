package vn.ocop.infra;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The counts kept beside the register and the subjects view, checked against the views' own rows; and the rows
 * of events fed to a projection by a test (never stored) taken out of the view and its tally alike.
 */
public final class TallyCheck {

    private static final String REGISTER_CELL = "commune_code, group_code, stage, coalesce(stars, 0), "
            + "coalesce(certificate_status, ''), key_product, provincial_level, nominated_for_five_stars";
    private static final String REGISTER_TALLY_CELL = "commune_code, group_code, stage, stars, certificate_status, "
            + "key_product, provincial_level, nominated_for_five_stars";

    private TallyCheck() {
    }

    /** The register tally's cells of {@code communeCode} that differ from a count of its rows: none when true. */
    public static List<Map<String, Object>> registerDifferences(JdbcTemplate jdbc, String communeCode) {
        return differences(jdbc,
                "select " + REGISTER_TALLY_CELL + ", products from register_tally where commune_code = ?",
                "select " + REGISTER_CELL + ", count(*) from product_register where commune_code = ? group by "
                        + REGISTER_CELL, communeCode);
    }

    /** The country's register totals that differ from a count of all the register's rows: none when true. */
    public static List<Map<String, Object>> totalsDifferences(JdbcTemplate jdbc) {
        String cell = REGISTER_CELL.substring("commune_code, ".length());
        String counted = "select " + cell + ", count(*) from product_register group by " + cell;
        String totals = "select " + REGISTER_TALLY_CELL.substring("commune_code, ".length())
                + ", products from register_totals";
        return jdbc.queryForList("(" + totals + " except " + counted + ") union all (" + counted + " except "
                + totals + ")");
    }

    /** The certificate expiry tally's cells that differ from a count of the register's rows: none when true. */
    public static List<Map<String, Object>> expiryDifferences(JdbcTemplate jdbc) {
        String counted = "select certificate_status, certificate_expires_on, count(*) from product_register "
                + "where certificate_status is not null and certificate_expires_on is not null group by 1, 2";
        String tally = "select certificate_status, certificate_expires_on, products from certificate_expiry_tally";
        return jdbc.queryForList("(" + tally + " except " + counted + ") union all (" + counted + " except "
                + tally + ")");
    }

    /** The subjects tally's cells of {@code communeCode} that differ from a count of its rows. */
    public static List<Map<String, Object>> subjectDifferences(JdbcTemplate jdbc, String communeCode) {
        return differences(jdbc,
                "select commune_code, legal_form, standing, subjects from subject_tally where commune_code = ?",
                "select commune_code, legal_form, standing, count(*) from subject_view where commune_code = ? "
                        + "group by commune_code, legal_form, standing", communeCode);
    }

    private static List<Map<String, Object>> differences(JdbcTemplate jdbc, String tally, String counted,
                                                         String communeCode) {
        return jdbc.queryForList("(" + tally + " except " + counted + ") union all (" + counted + " except "
                + tally + ")", communeCode, communeCode, communeCode, communeCode);
    }

    /** Takes a product fed to the projection by a test out of the register and its tally. */
    public static void removeProduct(JdbcTemplate jdbc, String productId) {
        jdbc.update("""
                update register_tally t set products = products - 1 from product_register r
                where r.product_id = ?
                  and (t.commune_code, t.group_code, t.stage, t.stars, t.certificate_status, t.key_product,
                       t.provincial_level, t.nominated_for_five_stars)
                    = (r.commune_code, r.group_code, r.stage, coalesce(r.stars, 0), coalesce(r.certificate_status, ''),
                       r.key_product, r.provincial_level, r.nominated_for_five_stars)""", productId);
        jdbc.update("delete from register_tally where products = 0");
        jdbc.update("""
                update register_totals t set products = products - 1 from product_register r
                where r.product_id = ?
                  and (t.group_code, t.stage, t.stars, t.certificate_status, t.key_product, t.provincial_level,
                       t.nominated_for_five_stars)
                    = (r.group_code, r.stage, coalesce(r.stars, 0), coalesce(r.certificate_status, ''),
                       r.key_product, r.provincial_level, r.nominated_for_five_stars)""", productId);
        jdbc.update("delete from register_totals where products = 0");
        jdbc.update("""
                update certificate_expiry_tally t set products = products - 1 from product_register r
                where r.product_id = ? and (t.certificate_status, t.certificate_expires_on)
                    = (r.certificate_status, r.certificate_expires_on)""", productId);
        jdbc.update("delete from certificate_expiry_tally where products = 0");
        jdbc.update("delete from product_register where product_id = ?", productId);
    }

    /** Takes a subject fed to the projection by a test out of the subjects view and its tally. */
    public static void removeSubject(JdbcTemplate jdbc, String subjectId) {
        jdbc.update("update subject_tally t set subjects = subjects - 1 from subject_view s where s.subject_id = ? "
                + "and (t.commune_code, t.legal_form, t.standing) = (s.commune_code, s.legal_form, s.standing)",
                subjectId);
        jdbc.update("delete from subject_tally where subjects = 0");
        jdbc.update("delete from subject_view where subject_id = ?", subjectId);
    }
}
