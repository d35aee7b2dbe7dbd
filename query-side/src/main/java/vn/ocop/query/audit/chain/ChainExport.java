package vn.ocop.query.audit.chain;

import java.time.Instant;
import java.util.List;

/**
 * The file an auditor keeps elsewhere: the public key and every signed checkpoint at the time of export. Given
 * back to the verifier (endpoint or command line), it proves that the history it vouches for is still there,
 * unchanged, even if the database's own checkpoints were removed.
 */
public record ChainExport(String format, String keyId, String publicKey, Instant exportedAt,
                          List<Checkpoint> checkpoints) {

    public static final String FORMAT = "ocop-audit-checkpoints/1";
}
