package vn.ocop.infra.axon;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import vn.ocop.infra.database.DatabaseOutage;

/**
 * Which failed events a projection parks as dead letters: those its handler cannot take (poison). A failure
 * because the database was out of reach is not the event's fault; Axon would park or skip it, so this policy
 * fails the batch instead, which rolls back and is retried from the stored token.
 */
final class PoisonEventsOnly implements EnqueuePolicy<EventMessage<?>> {

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        if (DatabaseOutage.causes(cause)) {
            throw new DatabaseOutage.Retry(cause);
        }
        return Decisions.enqueue(cause);
    }
}
