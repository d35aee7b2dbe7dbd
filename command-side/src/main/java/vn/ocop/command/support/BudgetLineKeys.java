package vn.ocop.command.support;

/** One budget line per province, funding source and fiscal year. */
interface BudgetLineKeys {

    /** Claims the key for {@code budgetLineId} in the command's transaction; refuses a second line. */
    void claim(String provinceCode, String source, int fiscalYear, String budgetLineId);
}
