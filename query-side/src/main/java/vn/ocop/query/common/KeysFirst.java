package vn.ocop.query.common;

/**
 * A page deep in a long list, read keys first. {@code limit … offset …} reads every row before the page to skip
 * it; when those rows are the view's whole rows, page 100 of twenty reads 2,020 rows from the table. Here the
 * page's keys are found first, in the list's order, by a statement that names only the key, the order and the
 * filter — which an index holding them serves alone (an index-only scan, skipping 2,000 index entries instead of
 * 2,000 rows) — and only the page's own rows are then read whole.
 */
public final class KeysFirst {

    private KeysFirst() {
    }

    /**
     * {@code select columns from rows}, limited to the page whose keys {@code select key from keysFrom} finds in
     * {@code orderBy} (an order that is total), in that order; its last two parameters are the page's size and
     * offset, after those of {@code keysFrom}.
     *
     * @param rows      what the whole rows are read from: a table, or a table joined to others, with its alias
     * @param key       the key column, as {@code rows} and {@code keysFrom} both name it
     * @param keysFrom  the table and its filter ({@code "t where …"}), with the alias {@code rows} gives it
     */
    public static String page(String columns, String rows, String key, String keysFrom, String orderBy) {
        return "select " + columns + " from " + rows + " where " + key + " in (select " + key + " from " + keysFrom
                + " order by " + orderBy + " limit ? offset ?) order by " + orderBy;
    }
}
