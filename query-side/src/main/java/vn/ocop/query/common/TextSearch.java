package vn.ocop.query.common;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Lists narrowed by what a reader typed in a search box: a {@code like '%…%'} on a view's diacritics-free search
 * text, served by the text's trigram index (V19).
 *
 * <p>The rows that match are found first, through that index, then counted and sorted, in one statement that
 * reads only their keys; the page's rows are read whole after it. Left to itself the planner often walks the
 * name-ordered b-tree instead, from the first name on, filtering as it goes — it cannot know that the first match
 * of "sâm ngọc linh" lies two thirds of the way down a register ordered by name (55 ms on 16,000 products against
 * 3 ms through the trigram index), nor that counting through the b-tree reads every name. So for this search alone
 * plain index scans are off: the matches come from bitmap scans of the trigram index (and of any other condition's
 * index), the cheapest way to a few thousand scattered rows.
 */
@Component
public class TextSearch {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    TextSearch(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
        this.transaction.setReadOnly(true);
    }

    /** The {@code like} pattern that finds {@code q} anywhere in a search text, its wildcards taken literally. */
    public static String containing(String q) {
        return "%" + SearchText.of(q).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /**
     * One page of what {@code keysFrom} (a table and its conditions, with {@code arguments}) selects, in
     * {@code orderBy} (an order that is total), and the count of all of it: the page's keys ({@code key}) and the
     * count first, from rows narrowed to what the order and the conditions name; then {@code columns} of
     * {@code rows} (the table, or the table joined to others, with the alias {@code keysFrom} gives it) for those
     * keys alone. Sorting and counting a few thousand matches whole had taken half the search's time.
     */
    public <T> Page<T> page(String columns, String rows, String key, String keysFrom, List<Object> arguments,
                            String orderBy, RowMapper<T> mapper, int page, int size) {
        return transaction.execute(status -> {
            // until the transaction ends (the reader's, when the search runs in one, such as a shadow's)
            jdbc.query("select set_config('enable_indexscan', 'off', true), "
                    + "set_config('enable_indexonlyscan', 'off', true)", row -> { });
            Object[] paged = Page.arguments(arguments, page, size);
            long[] matching = {0};
            List<String> keys = jdbc.query("select " + key + ", count(*) over () from " + keysFrom + " order by "
                    + orderBy + " limit ? offset ?", (row, n) -> {
                        matching[0] = row.getLong(2);
                        return row.getString(1);
                    }, paged);
            if (keys.isEmpty()) {
                if (page > 0) {
                    // past the last page: the rows are counted on their own
                    Long total = jdbc.queryForObject("select count(*) from " + keysFrom, Long.class,
                            arguments.toArray());
                    matching[0] = total == null ? 0 : total;
                }
                return new Page<T>(List.of(), page, size, matching[0]);
            }
            List<T> items = jdbc.query("select " + columns + " from " + rows + " where " + key + " = any (?) order by "
                    + orderBy, mapper, (Object) keys.toArray(String[]::new));
            return new Page<>(items, page, size, matching[0]);
        });
    }
}
