package vn.ocop.query.common;

import java.util.ArrayList;
import java.util.List;

/** One page of a list: its items, which page of what size, and how many items match in all. */
public record Page<T>(List<T> items, int page, int size, long total) {

    /** A list's {@code filter} arguments, then a page's size and offset as {@code limit ? offset ?} takes them. */
    public static Object[] arguments(List<Object> filter, int page, int size) {
        List<Object> paged = new ArrayList<>(filter);
        paged.add(size);
        paged.add((long) page * size);
        return paged.toArray();
    }
}
