package vn.ocop.query.common;

import java.util.List;
import java.util.Optional;

/**
 * The communes whose records the current reader may see: an officer's jurisdiction. A record elsewhere is
 * answered as if it did not exist, and lists leave it out. The web layer provides it from the signed-in
 * account; without one, or for a role that reads everywhere, nothing is limited.
 */
public interface ReaderScope {

    /** The communes the reader sees, or empty when it sees every commune. */
    Optional<List<String>> communes();

    /** Whether the reader sees people's names and phone numbers in full; masked otherwise. */
    default boolean seesPersonalData() {
        return true;
    }

    default boolean sees(String communeCode) {
        return communes().map(communes -> communes.contains(communeCode)).orElse(true);
    }

    /**
     * The communes a list may show: those asked for (null: all) within those the reader sees; an empty list
     * when none remain.
     */
    default List<String> within(List<String> asked) {
        Optional<List<String>> seen = communes();
        if (seen.isEmpty()) {
            return asked;
        }
        return asked == null ? seen.get() : asked.stream().filter(seen.get()::contains).toList();
    }
}
