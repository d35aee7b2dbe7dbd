package vn.ocop.query.common;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * A list read from a view: conditions added only for the filters given, then one page of the rows in a fixed
 * order and the count of all that match. Values travel as parameters, never in the SQL.
 */
public final class PagedQuery {

    private final StringBuilder where = new StringBuilder(" where true");
    private final List<Object> arguments = new ArrayList<>();

    /** Adds {@code condition} (with one {@code ?}) when {@code value} is given. */
    public PagedQuery filter(String condition, Object value) {
        if (value != null) {
            where.append(" and ").append(condition);
            arguments.add(value);
        }
        return this;
    }

    /** Keeps the rows whose {@code column} is one of {@code values}; none when the list is empty. */
    public PagedQuery in(String column, List<String> values) {
        where.append(" and ").append(values.isEmpty() ? "false" : column + " in ("
                + String.join(",", values.stream().map(value -> "?").toList()) + ")");
        arguments.addAll(values);
        return this;
    }

    /**
     * The page: {@code from} names the view (with its alias, and any join a filter needs) for the count and for
     * finding the page's keys ({@code key}, in {@code orderBy}, an order that is total — {@link KeysFirst});
     * {@code columns} of {@code rows} are read for those keys alone.
     */
    public <T> Page<T> page(JdbcTemplate jdbc, String from, String key, String columns, String rows, String orderBy,
                            RowMapper<T> mapper, int page, int size) {
        Long total = jdbc.queryForObject("select count(*) from " + from + where, Long.class, arguments.toArray());
        Object[] paged = Page.arguments(arguments, page, size);
        List<T> items = jdbc.query(KeysFirst.page(columns, rows, key, from + where, orderBy), mapper,
                paged);
        return new Page<>(items, page, size, total == null ? 0 : total);
    }
}
