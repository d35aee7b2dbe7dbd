package vn.ocop.infra.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ocop.infra.ServiceTest;

/**
 * The event store's shared reader for the processors (the one read that may block) ends after a step, so that
 * it never holds more than a step of a backlog; every other read — a processor reading on its own, a replay —
 * goes to the end.
 */
class SteppedReadAheadTest extends ServiceTest {

    @Autowired
    EventStorageEngine store;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;
    @Autowired
    Serializer serializer;
    @Autowired
    DataSource dataSource;
    @Autowired
    TransactionManager transactions;
    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void theServiceReadsAheadInSteps() {
        assertThat(store).isInstanceOf(SteppedReadAhead.class);
    }

    @Test
    void theSharedReaderStopsAfterAStepAndEveryOtherReaderReadsToTheEnd() {
        SteppedReadAhead stepped = new SteppedReadAhead(SteppedReadAhead.on(
                        new SpringDataSourceConnectionProvider(dataSource), transactions)
                .eventSerializer(eventSerializer).snapshotSerializer(serializer), 10);
        // appended, read and rolled back in one transaction: the store is left as it was
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            TrackingToken head = store.createHeadToken();
            List<EventMessage<?>> backlog = IntStream.range(0, 25)
                    .<EventMessage<?>>mapToObj(n -> GenericEventMessage.asEventMessage("backlog " + n)).toList();
            store.appendEvents(backlog);

            assertThat(payloads(stepped.readEvents(head, true)))
                    .containsExactlyElementsOf(payloads(backlog.stream().limit(10)));
            assertThat(payloads(stepped.readEvents(head, false)))
                    .containsExactlyElementsOf(payloads(backlog.stream()));
            status.setRollbackOnly();
        });
    }

    private static List<Object> payloads(Stream<? extends EventMessage<?>> events) {
        try (events) {
            return events.map(EventMessage::getPayload).map(Object.class::cast).toList();
        }
    }
}
