package vn.ocop.query.audit.chain;

import java.nio.file.Path;

/**
 * Where the signing key lives when nobody configured one: offered only by the embedded database, whose data
 * directory belongs to this service alone. The key is generated there at first start.
 */
public record DefaultSigningKeyFile(Path path) {
}
