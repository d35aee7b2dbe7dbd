package vn.ocop.infra.axon;

import java.util.Map;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

/**
 * Correlation data taken only from a message that can cause others: a command, a query, a deadline. Axon asks the
 * providers about the message a unit of work handles whenever a message is made in it — for an event processor, the
 * result of every handler of every event — and the service's providers read the message's metadata. No handler of
 * an event dispatches anything here (the views and the audit chain only write their tables), so for an event the
 * answer was never used, and asking deserialized the metadata of every event the views handle, which no view reads.
 */
final class CausingMessagesOnly implements CorrelationDataProvider {

    private final CorrelationDataProvider provider;

    CausingMessagesOnly(CorrelationDataProvider provider) {
        this.provider = provider;
    }

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        if (message instanceof EventMessage<?> && !(message instanceof DeadlineMessage<?>)) {
            return Map.of();
        }
        return provider.correlationDataFor(message);
    }
}
