package vn.ocop.query.admin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.stereotype.Component;

/**
 * The events a projection parked because its handler could not take them (poison events; a database outage
 * is retried instead), for an operator to see and, once the cause is mended, to process again. A parked
 * event holds back the later events of its record in that view, so they are listed together.
 */
@Component
class DeadLetters {

    /** How many records' parked events one listing shows. */
    private static final int SHOWN_SEQUENCES = 100;
    /** How many sequences one retry goes through at most. */
    private static final int RETRIED_SEQUENCES = 10_000;

    /** One parked event: which, of which record, since when, and the kind of failure (not its message). */
    record Letter(String eventId, String eventType, String aggregateId, Long sequenceNumber, Instant parkedAt,
                  Instant lastTouched, String cause) {
    }

    /** A projection's parked events by record, with totals. */
    record Listing(String name, long records, long events, List<List<Letter>> sequences) {
    }

    /** What a retry did: parked events before and after. */
    record Retry(String name, long eventsBefore, long eventsAfter, int sequencesProcessed) {
    }

    private final EventProcessingConfiguration processing;

    DeadLetters(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    Optional<Listing> list(String name) {
        return queue(name).map(queue -> {
            List<List<Letter>> sequences = new ArrayList<>();
            for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
                if (sequences.size() == SHOWN_SEQUENCES) {
                    break;
                }
                List<Letter> letters = new ArrayList<>();
                sequence.forEach(letter -> letters.add(letter(letter)));
                sequences.add(letters);
            }
            return new Listing(name, queue.amountOfSequences(), queue.size(), sequences);
        });
    }

    /** Processes every parked sequence again, oldest first; a letter that fails again stays parked. */
    Optional<Retry> retry(String name) {
        Optional<SequencedDeadLetterProcessor<EventMessage<?>>> processor =
                processing.sequencedDeadLetterProcessor(name);
        return queue(name).flatMap(queue -> processor.map(letters -> {
            long before = queue.size();
            int processed = 0;
            while (processed < RETRIED_SEQUENCES && letters.processAny()) {
                processed++;
            }
            return new Retry(name, before, queue.size(), processed);
        }));
    }

    private Optional<SequencedDeadLetterQueue<EventMessage<?>>> queue(String name) {
        return processing.deadLetterQueue(name);
    }

    private static Letter letter(DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> message = letter.message();
        boolean domain = message instanceof DomainEventMessage<?>;
        return new Letter(message.getIdentifier(), message.getPayloadType().getSimpleName(),
                domain ? ((DomainEventMessage<?>) message).getAggregateIdentifier() : null,
                domain ? ((DomainEventMessage<?>) message).getSequenceNumber() : null,
                letter.enqueuedAt(), letter.lastTouched(),
                letter.cause().map(cause -> cause.type()).orElse(null));
    }
}
