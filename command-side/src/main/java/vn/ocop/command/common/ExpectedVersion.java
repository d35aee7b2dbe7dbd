package vn.ocop.command.common;

/**
 * Reads {@code If-Match}: the version of the aggregate the client last saw, as the {@code ETag} of a command
 * response or a query carried it ({@code "3"}, {@code W/"3"} or {@code 3}). A stale version is answered 412.
 */
public final class ExpectedVersion {

    public static final String HEADER = "If-Match";

    private ExpectedVersion() {
    }

    /** The expected version, or null when the client sent no {@code If-Match} (or {@code *}). */
    public static Long from(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            long version = Long.parseLong(tag);
            if (version < 0) {
                throw new NumberFormatException();
            }
            return version;
        } catch (NumberFormatException e) {
            throw new InvalidHeader(HEADER, "a version as given in an ETag, such as \"3\"",
                    "phiên bản như trong ETag, ví dụ \"3\"");
        }
    }
}
