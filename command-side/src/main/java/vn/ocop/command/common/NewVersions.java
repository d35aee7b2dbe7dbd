package vn.ocop.command.common;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Learns, inside a command's transaction, the version its aggregate reached — the sequence number of the last
 * event the command appended — and hands it to the sender as the command's result ({@link Outcome}).
 *
 * <p>Learnt while the aggregate is still locked, the version is the command's own. Read from the store after the
 * commit it is not: by then a command on the same aggregate that queued behind this one may have appended its
 * event too, and two senders would be told one version. Nor does the sender need a connection once the events
 * are committed, so a pool exhausted at that moment cannot turn an applied command into a "retry" answer.
 *
 * <p>The events' sequence numbers are noted as the event store takes them ({@link #stagedEvents()}, registered
 * with the store); a command that appended nothing is answered the version the store holds, read in its
 * transaction while the lock is held. Only commands that name their aggregate under {@link #AGGREGATE_ID} are
 * answered this way; others keep their handler's result.
 */
@Component
public class NewVersions implements MessageHandlerInterceptor<CommandMessage<?>> {

    /** The metadata key naming the aggregate whose version the sender wants. */
    public static final String AGGREGATE_ID = "aggregateId";

    /** The unit of work's resource: the highest sequence number staged per aggregate. */
    private static final String STAGED = NewVersions.class.getName() + ".staged";

    private final EventStore eventStore;

    /** Axon's Spring support registers every command handler interceptor bean with the command bus. */
    NewVersions(@Lazy EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** A command's result: its aggregate's version, known once the command prepared its commit. */
    public static final class Outcome {

        private volatile long version = -1;

        /** The version the command brought its aggregate to. */
        public long version() {
            if (version < 0) {
                throw new IllegalStateException("the command has not committed");
            }
            return version;
        }
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        Object result = chain.proceed();
        if (!(unitOfWork.getMessage().getMetaData().get(AGGREGATE_ID) instanceof String aggregateId)) {
            return result;
        }
        Outcome outcome = new Outcome();
        // Registered after the handler published its events, so it runs after the store took them.
        unitOfWork.onPrepareCommit(committing -> outcome.version = versionOf(committing, aggregateId));
        return outcome;
    }

    /**
     * Within a command's unit of work, once its events are staged: the aggregate's version — its last staged
     * event's sequence number, or when it staged none, the store's.
     */
    long versionOf(UnitOfWork<?> unitOfWork, String aggregateId) {
        // the store's version, once read, is remembered beside the staged ones for the unit's other askers
        return unitOfWork.root().<Map<String, Long>>getOrComputeResource(STAGED, key -> new HashMap<>())
                .computeIfAbsent(aggregateId, id -> eventStore.lastSequenceNumberFor(id).orElse(0L));
    }

    /**
     * To register with the event store: notes the sequence number of each event an aggregate stages in the
     * current unit of work. The store runs its dispatch interceptors as it prepares the commit.
     */
    public static MessageDispatchInterceptor<EventMessage<?>> stagedEvents() {
        return new MessageDispatchInterceptor<>() {
            @Override
            public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(
                    List<? extends EventMessage<?>> events) {
                if (CurrentUnitOfWork.isStarted()) {
                    Map<String, Long> staged = CurrentUnitOfWork.get().root()
                            .getOrComputeResource(STAGED, key -> new HashMap<>());
                    for (EventMessage<?> event : events) {
                        if (event instanceof DomainEventMessage<?> domainEvent) {
                            staged.merge(domainEvent.getAggregateIdentifier(), domainEvent.getSequenceNumber(),
                                    Math::max);
                        }
                    }
                }
                return (index, event) -> event;
            }
        };
    }
}
