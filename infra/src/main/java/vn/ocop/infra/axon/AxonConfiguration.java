package vn.ocop.infra.axon;

import java.util.List;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.ocop.infra.web.RequestCorrelation;

/**
 * Every event records who caused it and why: the acting user, the HTTP request's correlation id and the
 * idempotency key travel on the command (see {@link CommandStamping}) and are copied onto each event it
 * produces, together with the id of the message that caused the event and of the first message of its chain.
 */
@Configuration(proxyBeanMethods = false)
class AxonConfiguration {

    /** Metadata keys copied from a command onto the events it causes. */
    static final List<String> AUDIT_KEYS = List.of(RequestCorrelation.KEY, CommandStamping.USER, "idempotencyKey");

    @Bean
    CorrelationDataProvider messageOrigin() {
        return new MessageOriginProvider("causationId", "traceId");
    }

    @Bean
    CorrelationDataProvider auditMetadata() {
        return new SimpleCorrelationDataProvider(AUDIT_KEYS.toArray(String[]::new));
    }

    /**
     * Projections run in pooled streaming processors: batches, several segments that nodes share through
     * their token claims.
     */
    @Bean
    ConfigurerModule pooledStreamingProcessors() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .usingPooledStreamingEventProcessors((configuration, builder) -> builder
                        .batchSize(100)
                        .initialSegmentCount(4)));
    }
}
