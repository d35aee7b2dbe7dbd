package vn.ocop.command.common;

/**
 * The answer to an accepted command: the aggregate it concerned and the aggregate's version (the sequence
 * number of its last event) after the command, for {@code If-Match} and read-your-writes.
 */
public record CommandAccepted(String id, long version) {
}
