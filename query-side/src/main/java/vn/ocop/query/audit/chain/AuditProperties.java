package vn.ocop.query.audit.chain;

import jakarta.validation.constraints.Min;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The audit chain's settings.
 *
 * @param signingKeyFile     the PEM file of the Ed25519 key that signs checkpoints; required with a configured
 *                           database, generated beside the embedded database's data directory otherwise
 * @param checkpointEvery    a checkpoint is signed after this many chained events…
 * @param checkpointInterval …or after this long, whichever comes first
 */
@ConfigurationProperties("ocop.audit")
@Validated
public record AuditProperties(Path signingKeyFile,
                              @DefaultValue("1000") @Min(1) int checkpointEvery,
                              @DefaultValue("10m") Duration checkpointInterval) {
}
