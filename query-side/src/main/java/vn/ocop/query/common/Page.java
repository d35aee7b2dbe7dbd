package vn.ocop.query.common;

import java.util.List;

/** One page of a list: its items, which page of what size, and how many items match in all. */
public record Page<T>(List<T> items, int page, int size, long total) {
}
