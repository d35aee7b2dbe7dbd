package vn.ocop.query.support;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.ocop.query.common.Page;
import vn.ocop.query.common.PagedQuery;
import vn.ocop.query.common.ReaderScope;
import vn.ocop.query.common.ShadowReplay;

/** The support grants of the ledger: what was granted to whom, from which budget line, and how much was paid. */
@RestController
class SupportGrantController {

    /** One grant as the ledger shows it; {@code remaining} is what may still be disbursed. */
    record GrantRow(String grantId, String budgetLineId, String subjectId, String productId, String productName,
                    String kind, String source, int fiscalYear, String communeCode, String decisionNumber,
                    LocalDate grantedOn, long amount, int costSharePercent, long disbursed, long released,
                    long remaining, String status) {
    }

    private static final List<String> VIEWS = List.of("support-ledger", "register");

    private final JdbcTemplate jdbc;
    private final ReaderScope scope;
    private final ShadowReplay history;

    SupportGrantController(JdbcTemplate jdbc, ReaderScope scope, ShadowReplay history) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.history = history;
    }

    /**
     * Grants matching every filter given, newest first, within the reader's jurisdiction. With {@code asOf}, the
     * ledger as it stood at that instant.
     */
    @GetMapping("/api/support-grants")
    Page<GrantRow> grants(@RequestParam(required = false) @Min(2018) @Max(2100) Integer fiscalYear,
                          @RequestParam(required = false) String subjectId,
                          @RequestParam(required = false) String productId,
                          @RequestParam(defaultValue = "0") @Min(0) int page,
                          @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size,
                          @RequestParam(required = false) Instant asOf) {
        PagedQuery query = new PagedQuery()
                .filter("g.fiscal_year = ?", fiscalYear)
                .filter("g.subject_id = ?", subjectId)
                .filter("g.product_id = ?", productId);
        List<String> communes = scope.within(null);
        if (communes != null) {
            query.in("g.commune_code", communes);
        }
        return history.at(asOf, VIEWS, date -> query.page(jdbc, "support_grant_view g", "g.grant_id",
                "g.*, r.name as product_name",
                "support_grant_view g left join product_register r on r.product_id = g.product_id",
                "g.granted_on desc, g.grant_id",
                (row, n) -> new GrantRow(row.getString("grant_id"), row.getString("budget_line_id"),
                        row.getString("subject_id"), row.getString("product_id"), row.getString("product_name"),
                        row.getString("kind"), row.getString("source"), row.getInt("fiscal_year"),
                        row.getString("commune_code"), row.getString("decision_number"),
                        row.getDate("granted_on").toLocalDate(), row.getLong("amount"),
                        row.getInt("cost_share_percent"), row.getLong("disbursed"), row.getLong("released"),
                        row.getLong("amount") - row.getLong("disbursed") - row.getLong("released"),
                        row.getString("status")),
                page, size));
    }
}
