package vn.ocop.query.common;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Look-ups by key within a transaction, read for the whole batch at once: the first look-up of a key that is one of
 * the batch's aggregates ({@link BatchAggregates}) reads every such key in one query, and the later ones find their
 * answer — a value or none — without asking again. A key outside the batch is read alone. Within a transaction a
 * look-up's answer stays as it was read, or as the caller {@link #remember}s it after writing it — so every write
 * of a value within the transaction must be remembered; outside one, every look-up asks.
 *
 * @param <V> what a key finds
 */
public final class BatchReads<V> {

    private final TransactionScoped<Map<String, Optional<V>>> known = new TransactionScoped<>(HashMap::new);
    private final Function<Collection<String>, Map<String, V>> readMany;
    private final Function<String, Optional<V>> readOne;

    /**
     * @param readMany the values of the keys given, by key (a key without one is absent)
     * @param readOne  the value of one key
     */
    public BatchReads(Function<Collection<String>, Map<String, V>> readMany, Function<String, Optional<V>> readOne) {
        this.readMany = readMany;
        this.readOne = readOne;
    }

    /** The value of {@code key}. */
    public Optional<V> find(String key) {
        Optional<Map<String, Optional<V>>> transaction = known.get();
        if (transaction.isEmpty()) {
            return readOne.apply(key);
        }
        Map<String, Optional<V>> answers = transaction.get();
        Optional<V> answer = answers.get(key);
        if (answer != null) {
            return answer;
        }
        if (BatchAggregates.current().contains(key)) {
            List<String> unread = BatchAggregates.current().stream().filter(id -> !answers.containsKey(id)).toList();
            Map<String, V> read = readMany.apply(unread);
            unread.forEach(id -> answers.put(id, Optional.ofNullable(read.get(id))));
            return answers.get(key);
        }
        answer = readOne.apply(key);
        answers.put(key, answer);
        return answer;
    }

    /** What {@code key} finds from now on in the current transaction: {@code value}, as the caller wrote it. */
    public void remember(String key, V value) {
        known.existing().ifPresent(answers -> answers.put(key, Optional.ofNullable(value)));
    }

    /** Forgets every answer of the current transaction: the next look-ups ask again. */
    public void forgetAll() {
        known.existing().ifPresent(Map::clear);
    }
}
