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
    public long validExpiringBy(LocalDate day) {
        Long count = jdbc.queryForObject("select coalesce(sum(products), 0) from " + RegisterStore.EXPIRY_TALLY
                + " where certificate_status = 'VALID' and certificate_expires_on <= ?", Long.class, Date.valueOf(day));
        return count == null ? 0 : count;
    }
}
