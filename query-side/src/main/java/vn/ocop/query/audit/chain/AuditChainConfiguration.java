package vn.ocop.query.audit.chain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The chain's key and writer. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AuditChainConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(AuditChainConfiguration.class);

    @Bean
    SigningKey auditSigningKey(AuditProperties properties, ObjectProvider<DefaultSigningKeyFile> fallback) {
        try {
            if (properties.signingKeyFile() != null) {
                return signing(properties.signingKeyFile());
            }
            DefaultSigningKeyFile standard = fallback.getIfAvailable();
            if (standard == null) {
                throw new IllegalStateException("Set ocop.audit.signing-key-file to the PEM file of the Ed25519 key "
                        + "that signs the audit chain's checkpoints (java -jar ocop.jar generate-signing-key FILE "
                        + "writes one); a service on a configured database never makes up its own key.");
            }
            Path file = standard.path();
            if (!Files.exists(file)) {
                SigningKey generated = SigningKey.generate();
                generated.write(file);
                LOG.info("Generated the audit chain's signing key {} in {}; give auditors its public key",
                        generated.keyId(), file);
            }
            return signing(file);
        } catch (IOException e) {
            throw new UncheckedIOException("the audit chain's signing key could not be read", e);
        }
    }

    private static SigningKey signing(Path file) throws IOException {
        SigningKey key = SigningKey.read(file);
        if (!key.canSign()) {
            throw new IllegalStateException(file + " holds only a public key; the service needs the private key "
                    + "to sign the audit chain's checkpoints");
        }
        return key;
    }

    /**
     * One segment, so one thread on one node chains the events in order; a failure stops the chain and is
     * retried rather than logged and skipped, because a skipped event would be a hole in the chain.
     */
    @Bean
    ConfigurerModule strictlyOrderedChain() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerPooledStreamingEventProcessor(ChainProcessor.NAME,
                        org.axonframework.config.Configuration::eventStore,
                        (configuration, builder) -> builder.initialSegmentCount(1).maxClaimedSegments(1)
                                .batchSize(100))
                .registerListenerInvocationErrorHandler(ChainProcessor.NAME,
                        configuration -> PropagatingErrorHandler.instance()));
    }

    @Bean
    ChainWriter chainWriter(JdbcTemplate jdbc, SigningKey key, Clock clock, AuditProperties properties) {
        return new ChainWriter(jdbc, key, clock, properties.checkpointEvery());
    }
}
