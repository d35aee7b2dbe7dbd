package vn.ocop.command.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A command's answer carries the version its own events brought the aggregate to, even when a command queued
 * behind it on the same aggregate commits before the sender reads the answer.
 */
class NewVersionsTest {

    /** Appends {@code events} events to {@code aggregateId}, and one to {@code alsoTo} when it is named. */
    record Append(String aggregateId, int events, String alsoTo) {
    }

    private EmbeddedEventStore store;
    private DefaultCommandGateway gateway;

    @BeforeEach
    void bus() {
        store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        store.registerDispatchInterceptor(NewVersions.stagedEvents());
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        bus.registerHandlerInterceptor(new NewVersions(store));
        bus.subscribe(Append.class.getName(), command -> {
            Append append = (Append) command.getPayload();
            for (int i = 0; i < append.events(); i++) {
                publishNext(append.aggregateId());
            }
            if (append.alsoTo() != null) {
                publishNext(append.alsoTo());
            }
            // The command queued behind this one on the same aggregate commits before the sender reads.
            CurrentUnitOfWork.get().afterCommit(committed -> elsewhere(() -> publishNext(append.aggregateId())));
            return "handled";
        });
        gateway = DefaultCommandGateway.builder().commandBus(bus).build();
    }

    @AfterEach
    void close() {
        store.shutDown();
    }

    /** Runs on a thread of its own, outside this thread's unit of work. */
    private static void elsewhere(Runnable work) {
        Thread thread = new Thread(work);
        thread.start();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void publishNext(String aggregateId) {
        long next = store.lastSequenceNumberFor(aggregateId).map(last -> last + 1).orElse(0L);
        store.publish(new GenericDomainEventMessage<>("Test", aggregateId, next, "event " + next));
    }

    private Object send(Append append, Map<String, ?> metadata) {
        CommandMessage<Append> command = GenericCommandMessage.<Append>asCommandMessage(append)
                .andMetaData(MetaData.from(metadata));
        return gateway.sendAndWait(command);
    }

    private long versionAnswered(Append append) {
        Object result = send(append, Map.of(NewVersions.AGGREGATE_ID, append.aggregateId()));
        assertThat(result).isInstanceOf(NewVersions.Outcome.class);
        return ((NewVersions.Outcome) result).version();
    }

    @Test
    void theAnswerIsTheSequenceNumberOfTheCommandsLastEventNotTheStoresLatest() {
        publishNext("a");
        publishNext("a");

        assertThat(versionAnswered(new Append("a", 2, null))).isEqualTo(3);
        assertThat(store.lastSequenceNumberFor("a")).as("a later command appended since").contains(4L);
        assertThat(versionAnswered(new Append("a", 1, null))).isEqualTo(5);
    }

    @Test
    void aCommandThatAppendsNothingIsAnsweredTheVersionItFound() {
        publishNext("a");
        publishNext("a");

        assertThat(versionAnswered(new Append("a", 0, null))).isEqualTo(1);
        assertThat(store.lastSequenceNumberFor("a")).contains(2L);
    }

    @Test
    void eventsOfAnotherAggregateDoNotCount() {
        for (int i = 0; i < 5; i++) {
            publishNext("b");
        }

        assertThat(versionAnswered(new Append("a", 1, "b"))).isEqualTo(0);
        assertThat(store.lastSequenceNumberFor("b")).contains(5L);
    }

    @Test
    void aCommandThatNamesNoAggregateKeepsItsHandlersResult() {
        assertThat(send(new Append("a", 1, null), Map.of())).isEqualTo("handled");
    }
}
