package vn.ocop.command.common;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The answer to an accepted command: the aggregate it concerned and the aggregate's version (the sequence
 * number of its last event) after the command, for {@code If-Match} and read-your-writes; and the id of what
 * the command created inside the aggregate (an evaluation, a certificate), when it created something.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CommandAccepted(String id, long version, String createdId) {
}
