package vn.ocop.query.common;

/**
 * An answer already written as JSON, sent as it is ({@link JsonAnswers}); {@code T} is what it holds, as the API's
 * description shows it.
 *
 * @param json the answer in UTF-8
 */
public record JsonAnswer<T>(byte[] json) {
}
