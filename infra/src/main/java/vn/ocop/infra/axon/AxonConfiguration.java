package vn.ocop.infra.axon;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.TokenStoreProperties;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.ocop.command.common.NewVersions;
import vn.ocop.infra.web.RequestCorrelation;
import vn.ocop.query.common.ShadowReplay;
import vn.ocop.query.common.ViewsProcessor;

/**
 * Every event records who caused it and why: the acting user, the HTTP request's correlation id and the
 * idempotency key travel on the command (see {@link CommandStamping}) and are copied onto each event it
 * produces, together with the id of the message that caused the event and of the first message of its chain.
 */
@Configuration(proxyBeanMethods = false)
class AxonConfiguration {

    /** Metadata keys copied from a command onto the events it causes. */
    static final List<String> AUDIT_KEYS = List.of(RequestCorrelation.KEY, CommandStamping.USER, CommandStamping.ROLE,
            CommandStamping.JURISDICTION, "idempotencyKey", CommandStamping.IMPORT, CommandStamping.IMPORT_ROW);

    /** Each message's cause and chain, from the command, query or deadline that caused it ({@link CausingMessagesOnly}). */
    @Bean
    CorrelationDataProvider messageOrigin() {
        return new CausingMessagesOnly(new MessageOriginProvider("causationId", "traceId"));
    }

    /** The request's audit metadata, from the command that caused a message onto it. */
    @Bean
    CorrelationDataProvider auditMetadata() {
        return new CausingMessagesOnly(new SimpleCorrelationDataProvider(AUDIT_KEYS.toArray(String[]::new)));
    }

    /**
     * Token claims in PostgreSQL under a name of this run of the service alone. Axon's default name,
     * {@code pid@host}, is shared by two services in one JVM and by containers that reuse a host name and a
     * process id; two owners of one name would both believe they hold a segment. A segment whose position may
     * have outrun a crash of the server reads it again ({@link RestartAwareTokenStore}).
     *
     * <p>Axon's JDBC token store, on the table its JPA store used (V1), in the transaction of the processor's
     * batch: a batch's position is stored by one prepared update, where the JPA store first flushed the
     * persistence context and had its update statement interpreted again each time (6 % of the subjects view's
     * time in a recording of the commands).
     */
    @Bean
    TokenStore tokenStore(Serializer serializer, DataSource dataSource, TokenStoreProperties properties,
                          JdbcTemplate jdbc) {
        return new RestartAwareTokenStore(JdbcTokenStore.builder()
                .connectionProvider(new SpringDataSourceConnectionProvider(dataSource))
                .schema(TokenSchema.builder()
                        .setTokenTable("token_entry")
                        .setProcessorNameColumn("processor_name")
                        .setTokenTypeColumn("token_type")
                        .build())
                .contentType(byte[].class)
                .serializer(serializer)
                .claimTimeout(properties.getClaimTimeout())
                .nodeId(ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8))
                .build(), jdbc);
    }

    /**
     * Projections run in pooled streaming processors: batches, several segments that nodes share through
     * their token claims.
     */
    @Bean
    ConfigurerModule pooledStreamingProcessors(ProcessorWakeUps wakeUps) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .usingPooledStreamingEventProcessors((configuration, builder) -> builder
                        .messageSource(wakeUps.source(configuration.eventStore()))
                        .batchSize(100)
                        .initialSegmentCount(4)));
    }

    /**
     * Two commands that append the same aggregate's same sequence number collide on the event table's unique index:
     * PostgreSQL's unique violation (SQL state 23505), which the command's caller answers as a conflict. (Axon's JDBC
     * resolver looks for a JDBC exception class the PostgreSQL driver does not throw.)
     */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new SQLStateResolver("23505");
    }

    /**
     * The event store on Axon's JDBC engine ({@link SteppedReadAhead}), in the transaction of the command or batch
     * that uses it, with its shared reader going ahead in steps.
     */
    @Bean
    EventStorageEngine eventStorageEngine(Serializer serializer, PersistenceExceptionResolver persistenceExceptionResolver,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration,
                                          DataSource dataSource, TransactionManager transactionManager) {
        return new SteppedReadAhead(SteppedReadAhead.on(new SpringDataSourceConnectionProvider(dataSource),
                        transactionManager)
                .snapshotSerializer(serializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter()), SteppedReadAhead.STEP);
    }

    /**
     * The event store as Axon configures it, but for how often it lets go of a processor that fell behind what it
     * reads ahead for all of them: every second, not every ten. Until let go, such a processor keeps every event
     * read ahead since its place in memory, and for when its reader looks for new events
     * ({@link CommitAwareEventStore}). It notes the sequence numbers a command's events take, for the command's
     * answer ({@link NewVersions}).
     */
    @Bean
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine,
                                  org.axonframework.config.Configuration configuration) {
        EmbeddedEventStore store = new CommitAwareEventStore(EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .cleanupDelay(1000));
        store.registerDispatchInterceptor(NewVersions.stagedEvents());
        return store;
    }

    /** Axon's metrics without the capacity gauge, whose ten-minute window of timings grows with the load. */
    @Bean
    GlobalMetricRegistry globalMetricRegistry(MeterRegistry registry) {
        return new BoundedMetricRegistry(registry);
    }

    /**
     * The five views in one processor ({@link ViewsProcessor}): their processing groups assigned to it, its batches
     * holding the lock a rebuilt view's swap waits for, and committing without waiting for the disk (the audit
     * chain's processor is not among them).
     */
    @Bean
    ConfigurerModule oneProcessorForTheViews(JdbcTemplate jdbc) {
        MessageHandlerInterceptor<EventMessage<?>> batchStart = ViewsProcessor.startingEachBatch(jdbc);
        AsynchronousViewCommits commits = new AsynchronousViewCommits(jdbc);
        return configurer -> configurer.eventProcessing(processing -> {
            ShadowReplay.TABLES.keySet().forEach(view -> processing.assignProcessingGroup(view, ViewsProcessor.NAME));
            processing.registerHandlerInterceptor(ViewsProcessor.NAME, configuration -> batchStart)
                    .registerHandlerInterceptor(ViewsProcessor.NAME, configuration -> commits);
        });
    }

    @Bean(destroyMethod = "close")
    ProcessorWakeUps processorWakeUps() {
        return new ProcessorWakeUps();
    }

    /** Every node's commits heard by every node ({@code LISTEN/NOTIFY}). */
    @Bean
    EventNotifications eventNotifications(DataSource dataSource, ProcessorWakeUps wakeUps) {
        return new EventNotifications(dataSource, wakeUps);
    }

    /**
     * After a command's transaction commits, this node's projections look for its events at once, and the other
     * nodes hear of them. When the command's unit of work joined a transaction of its caller's
     * ({@code CommandExecutor}), that is when the caller's transaction commits, not when the unit of work does.
     */
    @Bean
    MessageHandlerInterceptor<CommandMessage<?>> wakeProjectionsAfterCommit(ProcessorWakeUps wakeUps,
                                                                            EventNotifications notifications) {
        return (unitOfWork, chain) -> {
            unitOfWork.afterCommit(committed -> CommitAwareEventStore.onceCommitted(() -> {
                wakeUps.eventsCommitted();
                notifications.committed();
            }));
            return chain.proceed();
        };
    }

    /**
     * The views' dead letters kept by Axon's JDBC queue in the table its JPA queue used (V1; V27 made its times
     * text, as the JDBC queue writes them).
     */
    @Bean
    DeadLetterSchema deadLetterSchema() {
        return DeadLetterSchema.builder()
                .deadLetterTable("dead_letter_entry")
                .deadLetterIdentifierColumn("dead_letter_id")
                .processingGroupColumn("processing_group")
                .sequenceIdentifierColumn("sequence_identifier")
                .sequenceIndexColumn("sequence_index")
                .messageTypeColumn("message_type")
                .eventIdentifierColumn("event_identifier")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .aggregateTypeColumn("type")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .tokenTypeColumn("token_type")
                .tokenColumn("token")
                .enqueuedAtColumn("enqueued_at")
                .lastTouchedColumn("last_touched")
                .processingStartedColumn("processing_started")
                .causeTypeColumn("cause_type")
                .causeMessageColumn("cause_message")
                .diagnosticsColumn("diagnostics")
                .build();
    }

    /**
     * A projection's dead-letter queue parks an event its handler cannot take (a poison event), so that one bad
     * event stalls only its own record. An event whose handler failed because the database was out of reach is
     * not poison: parking it would leave the view without it for good. Then the batch fails instead, rolls
     * back, and the processor retries it from its token once the database answers again.
     */
    @Bean
    ConfigurerModule deadLettersOnlyForPoisonEvents() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerDefaultDeadLetterPolicy(configuration -> new PoisonEventsOnly()));
    }
}
