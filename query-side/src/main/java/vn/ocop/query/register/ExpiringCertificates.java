package vn.ocop.query.register;

import java.sql.Date;
import java.time.LocalDate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How many valid certificates expire by a day, from the certificates' tally by status and expiry date (V20) that
 * the register's projection keeps: the renewal pipeline's and the overview's figure, whose day moves with today.
 */
@Component
public class ExpiringCertificates {

    private final JdbcTemplate jdbc;

    ExpiringCertificates(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Valid certificates expiring on or before {@code day}. */
    /** The same within some commune codes, from the register itself (the tally is not kept by commune). */
    public long validExpiringBy(LocalDate day, String[] communeCodes) {
        Long count = jdbc.queryForObject("select count(*) from product_register where certificate_status = 'VALID' "
                + "and certificate_expires_on <= ? and commune_code = any (?)", Long.class, Date.valueOf(day),
                communeCodes);
        return count == null ? 0 : count;
    }

    public long validExpiringBy(LocalDate day) {
        Long count = jdbc.queryForObject("select coalesce(sum(products), 0) from " + RegisterStore.EXPIRY_TALLY
                + " where certificate_status = 'VALID' and certificate_expires_on <= ?", Long.class, Date.valueOf(day));
        return count == null ? 0 : count;
    }
}
