package vn.ocop.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A list read page after page, as a client walks it. */
public final class ListPages {

    private ListPages() {
    }

    /**
     * The {@code idField} of each item on every page of {@code size} of {@code path} (its query, if any, goes on
     * with the page and its size), from the first page to the one after the last full one, read by {@code get}; each
     * page's total is asserted to be {@code expectedTotal}.
     */
    public static List<String> ids(Function<String, Http.Response> get, String path, String idField, int size,
                                   int expectedTotal) {
        List<String> ids = new ArrayList<>();
        for (int page = 0; page <= expectedTotal / size; page++) {
            String query = (path.contains("?") ? "&" : "?") + "page=" + page + "&size=" + size;
            JsonNode found = get.apply(path + query).json();
            assertThat(found.get("total").asLong()).as(path + ", page " + page).isEqualTo(expectedTotal);
            found.get("items").forEach(item -> ids.add(item.get(idField).asText()));
        }
        return ids;
    }
}
