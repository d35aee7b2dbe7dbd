package vn.ocop.query.register;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.ocop.query.common.KeysFirst;
import vn.ocop.query.common.Page;
import vn.ocop.query.common.ShadowReplay;
import vn.ocop.query.common.TextSearch;
import vn.ocop.reference.AdministrativeUnits;

/**
 * The public catalogue: every product whose OCOP certificate is in force, with its stars, group, commune and
 * producer's name and the certificate's decision — what a buyer checks before trusting the stars on a package.
 * No personal data, no sign-in; answers may be cached for five minutes.
 */
@RestController
class PublicCatalogue {

    /** A certified product as the public sees it. */
    record CatalogueEntry(String productId, String name, int stars, String groupCode, String communeCode,
                          String communeName, String producer, String certificateDecision, LocalDate certifiedOn,
                          LocalDate validUntil) {
    }

    private final JdbcTemplate jdbc;
    private final AdministrativeUnits units;
    private final TextSearch textSearch;
    private final ShadowReplay views;

    PublicCatalogue(JdbcTemplate jdbc, AdministrativeUnits units, TextSearch textSearch, ShadowReplay views) {
        this.jdbc = jdbc;
        this.units = units;
        this.textSearch = textSearch;
        this.views = views;
    }

    /** Certified products, best rated first; {@code q} ignores diacritics and case. */
    @GetMapping("/public/products")
    ResponseEntity<Page<CatalogueEntry>> products(@RequestParam(required = false) @Size(max = 200) String q,
                                                  @RequestParam(required = false) String groupCode,
                                                  @RequestParam(required = false) @Min(3) @Max(5) Integer stars,
                                                  @RequestParam(required = false) String communeCode,
                                                  @RequestParam(defaultValue = "0") @Min(0) int page,
                                                  @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        StringBuilder where = new StringBuilder(
                " where p.certificate_status in ('VALID', 'AWAITING_RE_EVALUATION')");
        List<Object> arguments = new ArrayList<>();
        if (q != null && !q.isBlank()) {
            where.append(" and p.search_text like ?");
            arguments.add(TextSearch.containing(q));
        }
        if (groupCode != null) {
            where.append(" and p.group_code = ?");
            arguments.add(groupCode);
        }
        if (stars != null) {
            where.append(" and p.stars = ?");
            arguments.add(stars);
        }
        if (communeCode != null) {
            where.append(" and p.commune_code = ?");
            arguments.add(communeCode);
        }
        String columns = """
                p.product_id, p.name, p.stars, p.group_code, p.commune_code, s.name, p.certificate_decision_number,
                p.certificate_decided_on, p.certificate_expires_on""";
        String joined = "product_register p left join subject_view s on s.subject_id = p.subject_id";
        String orderBy = "p.stars desc, p.search_text, p.product_id";
        RowMapper<CatalogueEntry> entry = (row, n) -> new CatalogueEntry(row.getString(1), row.getString(2),
                row.getInt(3), row.getString(4), row.getString(5), units.nameOf(row.getString(5)).orElse(null), row.getString(6), row.getString(7),
                date(row.getDate(8)), date(row.getDate(9)));
        Page<CatalogueEntry> found = views.present(() -> {
            if (q != null && !q.isBlank()) {
                return textSearch.page(columns, joined, "p.product_id", "product_register p" + where, arguments,
                        orderBy, entry, page, size);
            }
            // the register's tally counts by every column filtered on here; without a commune, the country's totals
            Long total = jdbc.queryForObject("select coalesce(sum(p.products), 0) from "
                    + (communeCode == null ? RegisterStore.TOTALS : RegisterStore.TALLY) + " p" + where, Long.class,
                    arguments.toArray());
            Object[] paged = Page.arguments(arguments, page, size);
            return new Page<>(jdbc.query(KeysFirst.page(columns, joined, "p.product_id", "product_register p" + where,
                    orderBy), entry, paged), page, size, total == null ? 0 : total);
        });
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .body(found);
    }

    private static LocalDate date(java.sql.Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
