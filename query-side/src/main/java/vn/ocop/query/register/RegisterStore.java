package vn.ocop.query.register;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import vn.ocop.query.common.KeysFirst;
import vn.ocop.query.common.Page;
import vn.ocop.query.common.SearchText;
import vn.ocop.query.common.Tallies;
import vn.ocop.query.common.PlaceNames;
import vn.ocop.query.common.TextSearch;
import vn.ocop.query.common.HeldBackRows;
import vn.ocop.query.common.WriteBehind;
import vn.ocop.query.register.RegisterEntry.CertificateStatus;
import vn.ocop.query.register.RegisterEntry.Stage;

/**
 * The register's table. Saving is an upsert that never goes back to an older version of a product.
 *
 * <p>Within a transaction (a processor's batch, a shadow's replay) the entries saved are held back and written
 * together ({@link HeldBackRows}), {@value #WRITE_EVERY} at most at a time, and a product's later events in the
 * same transaction find its entry among them instead of in the table: a product's events mostly come in runs (a
 * council's session, a decision and its certificate), and a rebuild spent most of its time on a read and a write
 * per event.
 */
@Component
class RegisterStore implements WriteBehind {

    private static final String COLUMNS = """
            product_id, subject_id, name, taxonomy_code, group_code, criteria_set_code, commune_code, registered_on,
            stage, last_score, last_rating, stars, certificate_id, certificate_decision_number,
            certificate_decided_on, certificate_expires_on, certificate_status, renewal_notice_on,
            re_evaluation_window_opens_on, re_evaluation_window_closes_on, key_product,
            selected_for_promotion, provincial_level, nominated_for_five_stars, version""";

    /** An upsert that keeps the stored row when it is of the same or a later version. */
    private static final String UPSERT = "insert into product_register (" + COLUMNS + ", search_text) values "
            + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            + "on conflict (product_id) do update set (" + COLUMNS + ", search_text) = "
            + "(excluded." + String.join(", excluded.", COLUMNS.replaceAll("\\s", "").split(","))
            + ", excluded.search_text) where product_register.version < excluded.version";

    private static final String ROWS = "select " + COLUMNS + " from product_register";

    /** The table of the register's counts (V18): one cell per combination of what the dashboards count by. */
    static final String TALLY = "register_tally";

    /** The same counts of the whole country, without the commune (V29): what a total not asked by commune reads. */
    static final String TOTALS = "register_totals";

    /** The table of certificates counted by status and expiry date (V20). */
    static final String EXPIRY_TALLY = "certificate_expiry_tally";

    /** Entries held back at most before they are written. */
    static final int WRITE_EVERY = 1_000;

    private final JdbcTemplate jdbc;
    private final Tallies.Tally tally;
    private final Tallies.Tally totals;
    private final Tallies.Tally expiryTally;
    private final TextSearch textSearch;
    private final PlaceNames places;
    private final ExpiringCertificates expiring;
    /** The entries a transaction saves, held back to be written together. */
    private final HeldBackRows<RegisterEntry> entries;

    RegisterStore(JdbcTemplate jdbc, Tallies tallies, TextSearch textSearch, ExpiringCertificates expiring,
                  PlaceNames places) {
        this.jdbc = jdbc;
        this.places = places;
        this.textSearch = textSearch;
        this.expiring = expiring;
        this.tally = tallies.tally(TALLY, "products", "commune_code", "group_code", "stage", "stars",
                "certificate_status", "key_product", "provincial_level", "nominated_for_five_stars");
        this.totals = tallies.tally(TOTALS, "products", "group_code", "stage", "stars", "certificate_status",
                "key_product", "provincial_level", "nominated_for_five_stars");
        this.expiryTally = tallies.tally(EXPIRY_TALLY, "products", "certificate_status", "certificate_expires_on");
        this.entries = HeldBackRows.versioned(jdbc, "product", UPSERT, RegisterEntry::productId, RegisterEntry::version,
                RegisterStore::values, WRITE_EVERY, ROWS, "product_id", ENTRY);
    }

    Optional<RegisterEntry> find(String productId) {
        return entries.find(productId);
    }

    /** The entry as the product's event of sequence number {@code sequence} finds it. */
    Optional<RegisterEntry> find(String productId, long sequence) {
        return entries.find(productId, sequence);
    }

    /** Stores {@code next}, the entry that follows {@code previous} (null for a new product), and counts it. */
    void save(RegisterEntry previous, RegisterEntry next) {
        if (entries.save(next)) {
            count(previous, next);
        }
    }

    @Override
    public void flush() {
        entries.flush();
    }

    @Override
    public void readAfresh() {
        entries.readAfresh();
    }

    private void count(RegisterEntry previous, RegisterEntry next) {
        List<Object> from = previous == null ? null : cell(previous);
        List<Object> to = cell(next);
        tally.move(from, to);
        // the same cell without its commune, the first of its values
        totals.move(from == null ? null : from.subList(1, from.size()), to.subList(1, to.size()));
        expiryTally.move(previous == null ? null : expiryCell(previous), expiryCell(next));
    }

    /** The expiry tally's cell of an entry's certificate; null when it has none. */
    private static List<Object> expiryCell(RegisterEntry e) {
        return e.certificateStatus() == null || e.certificateExpiresOn() == null ? null
                : List.of(e.certificateStatus().name(), Date.valueOf(e.certificateExpiresOn()));
    }

    /** The tally's cell an entry counts in. */
    private static List<Object> cell(RegisterEntry e) {
        return List.of(e.communeCode(), e.groupCode(), e.stage().name(), e.stars() == null ? 0 : e.stars(),
                e.certificateStatus() == null ? "" : e.certificateStatus().name(), e.keyProduct(),
                e.provincialLevel(), e.nominatedForFiveStars());
    }

    private static Object[] values(RegisterEntry e) {
        return new Object[] {e.productId(), e.subjectId(), e.name(), e.taxonomyCode(), e.groupCode(),
                e.criteriaSetCode(), e.communeCode(), Date.valueOf(e.registeredOn()), e.stage().name(), e.lastScore(), e.lastRating(),
                e.stars(), e.certificateId(), e.certificateDecisionNumber(), date(e.certificateDecidedOn()),
                date(e.certificateExpiresOn()), e.certificateStatus() == null ? null : e.certificateStatus().name(),
                date(e.renewalNoticeOn()), date(e.reEvaluationWindowOpensOn()), date(e.reEvaluationWindowClosesOn()),
                e.keyProduct(), e.selectedForPromotion(), e.provincialLevel(), e.nominatedForFiveStars(),
                e.version(), SearchText.of(e.name())};
    }

    void clear() {
        entries.forget();
        jdbc.update("delete from product_register");
        tally.clear();
        totals.clear();
        expiryTally.clear();
    }

    Page<RegisterEntry> search(RegisterFilter filter, LocalDate today) {
        List<Object> arguments = new ArrayList<>();
        StringBuilder where = new StringBuilder(" where true");
        if (filter.q() != null && !filter.q().isBlank()) {
            // the product's name, its producer's name or number, or a name its commune or district has had: the
            // producers and the communes are found first, so that the register's own indexes (the name's trigrams,
            // the subject's and the commune's b-trees) answer the three together in one bitmap
            String typed = TextSearch.containing(filter.q());
            List<String> producers = jdbc.queryForList("select subject_id from subject_view where search_text like ?",
                    String.class, typed);
            Set<String> communes = places.communesNamed(filter.q());
            where.append(" and (search_text like ?");
            arguments.add(typed);
            if (!producers.isEmpty()) {
                where.append(" or subject_id = any (?)");
                arguments.add(producers.toArray(String[]::new));
            }
            if (!communes.isEmpty()) {
                where.append(" or commune_code = any (?)");
                arguments.add(communes.toArray(String[]::new));
            }
            where.append(")");
        }
        equal(where, arguments, "subject_id", filter.subjectId());
        if (filter.communeCodes() != null) {
            where.append(" and commune_code = any (?)");
            arguments.add(filter.communeCodes().toArray(String[]::new));
        }
        equal(where, arguments, "group_code", filter.groupCode());
        equal(where, arguments, "stars", filter.stars());
        equal(where, arguments, "stage", filter.stage() == null ? null : filter.stage().name());
        if (filter.certificate() != null) {
            switch (filter.certificate()) {
                case EXPIRING -> {
                    where.append(" and certificate_status = 'VALID' and certificate_expires_on <= ?");
                    arguments.add(Date.valueOf(today.plusDays(filter.expiringWithinDays())));
                }
                case IN_FORCE -> where.append(" and certificate_status in ('VALID', 'AWAITING_RE_EVALUATION')");
                default -> equal(where, arguments, "certificate_status", filter.certificate().name());
            }
        }
        String orderBy = filter.sort().orderBy() + ", product_id";
        if (filter.q() != null && !filter.q().isBlank()) {
            return textSearch.page(COLUMNS, "product_register", "product_id", "product_register" + where, arguments,
                    orderBy, ENTRY, filter.page(), filter.size());
        }
        Long total = countable(filter)
                ? jdbc.queryForObject("select coalesce(sum(products), 0) from "
                        + (filter.communeCodes() == null ? TOTALS : TALLY) + where, Long.class,
                        arguments.toArray())
                : jdbc.queryForObject("select count(*) from product_register" + where, Long.class,
                        arguments.toArray());
        Object[] paged = Page.arguments(arguments, filter.page(), filter.size());
        List<RegisterEntry> items = jdbc.query(KeysFirst.page(COLUMNS, "product_register", "product_id",
                "product_register" + where, orderBy), ENTRY, paged);
        return new Page<>(items, filter.page(), filter.size(), total == null ? 0 : total);
    }

    /**
     * Whether the tally holds the filter's total: it filters only by what the tally's cells name (not by text,
     * subject or expiry date). The tally's columns are the register's, so the same conditions select its cells; the
     * country's totals serve a filter that names no commune.
     */
    private static boolean countable(RegisterFilter filter) {
        return (filter.q() == null || filter.q().isBlank()) && filter.subjectId() == null
                && filter.certificate() != RegisterFilter.CertificateFilter.EXPIRING;
    }

    /** The renewal pipeline as of {@code today}; lists hold at most {@code limit} certificates. */
    ExpiryPipeline expiryPipeline(LocalDate today, int withinDays, int limit) {
        Date day = Date.valueOf(today);
        return new ExpiryPipeline(withinDays,
                dueWithin(today, 30), dueWithin(today, 60), dueWithin(today, 90),
                count("certificate_status = 'VALID' and renewal_notice_on <= ? and certificate_expires_on > ?",
                        day, day),
                count("certificate_status = 'VALID' and re_evaluation_window_opens_on <= ? "
                        + "and re_evaluation_window_closes_on >= ?", day, day),
                counted("AWAITING_RE_EVALUATION"),
                counted("EXPIRED"),
                jdbc.query("select " + COLUMNS + " from product_register where certificate_status = 'VALID' "
                        + "and certificate_expires_on <= ? order by certificate_expires_on, product_id limit ?",
                        ENTRY, Date.valueOf(today.plusDays(withinDays)), limit),
                jdbc.query("select " + COLUMNS + " from product_register where certificate_status = "
                        + "'AWAITING_RE_EVALUATION' order by certificate_expires_on, product_id limit ?", ENTRY, limit));
    }

    private long dueWithin(LocalDate today, int days) {
        return expiring.validExpiringBy(today.plusDays(days));
    }

    private long counted(String certificateStatus) {
        Long count = jdbc.queryForObject("select coalesce(sum(products), 0) from " + TOTALS
                + " where certificate_status = ?", Long.class, certificateStatus);
        return count == null ? 0 : count;
    }

    private long count(String condition, Object... arguments) {
        Long count = jdbc.queryForObject("select count(*) from product_register where " + condition, Long.class,
                arguments);
        return count == null ? 0 : count;
    }

    private static void equal(StringBuilder where, List<Object> arguments, String column, Object value) {
        if (value != null) {
            where.append(" and ").append(column).append(" = ?");
            arguments.add(value);
        }
    }

    private static Date date(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }

    private static LocalDate localDate(ResultSet row, String column) throws SQLException {
        Date date = row.getDate(column);
        return date == null ? null : date.toLocalDate();
    }

    private static final RowMapper<RegisterEntry> ENTRY = (row, n) -> new RegisterEntry(
            row.getString("product_id"), row.getString("subject_id"), row.getString("name"),
            row.getString("taxonomy_code"), row.getString("group_code"), row.getString("criteria_set_code"),
            row.getString("commune_code"), localDate(row, "registered_on"), Stage.valueOf(row.getString("stage")),
            row.getBigDecimal("last_score"), (Integer) row.getObject("last_rating"), (Integer) row.getObject("stars"),
            row.getString("certificate_id"), row.getString("certificate_decision_number"),
            localDate(row, "certificate_decided_on"), localDate(row, "certificate_expires_on"),
            row.getString("certificate_status") == null ? null
                    : CertificateStatus.valueOf(row.getString("certificate_status")),
            localDate(row, "renewal_notice_on"), localDate(row, "re_evaluation_window_opens_on"),
            localDate(row, "re_evaluation_window_closes_on"), row.getBoolean("key_product"), row.getBoolean("selected_for_promotion"),
            row.getBoolean("provincial_level"), row.getBoolean("nominated_for_five_stars"), row.getLong("version"));
}
