package vn.ocop.infra.axon;

import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Axon's embedded event store, whose shared reader looks for new events once they are committed. The store asks
 * its reader to look as the command's unit of work ends; when that unit of work joined a transaction its caller
 * began ({@code CommandExecutor}, for a command creating an aggregate), the events are not yet visible then, and
 * the reader, finding nothing, would wait for its next poll — a second later. So then it is asked once the
 * enclosing transaction has committed.
 */
final class CommitAwareEventStore extends EmbeddedEventStore {

    CommitAwareEventStore(Builder builder) {
        super(builder);
    }

    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        onceCommitted(() -> super.afterCommit(events));
    }

    /** Runs {@code action} once the current transaction commits, or now when none is in progress. */
    static void onceCommitted(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }
}
