package vn.ocop.command.support;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.ocop.command.common.ProblemType;

/** The keys as a lookup table of the command side, written with the line's first event. */
@Component
class JdbcBudgetLineKeys implements BudgetLineKeys {

    private final JdbcTemplate jdbc;

    JdbcBudgetLineKeys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void claim(String provinceCode, String source, int fiscalYear, String budgetLineId) {
        int inserted = jdbc.update("""
                insert into budget_line_key (province_code, source, fiscal_year, budget_line_id) values (?, ?, ?, ?)
                on conflict do nothing""", provinceCode, source, fiscalYear, budgetLineId);
        if (inserted == 0) {
            throw new SupportRuleBroken(ProblemType.DUPLICATE_BUDGET_LINE, "fiscalYear",
                    "A budget line for this province, source and fiscal year exists already; amend it instead.",
                    "Đã có dòng ngân sách cho tỉnh, nguồn vốn và năm này; hãy điều chỉnh dòng đó.");
        }
    }
}
