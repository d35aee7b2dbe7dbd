package vn.ocop.query.common;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * State that lives as long as the current transaction: made on first use within it, handed to an action just
 * before it commits, and forgotten when it ends, committed or rolled back — so that nothing gathered by a
 * transaction that fails reaches the next one, and a transaction started within another (suspending it) has state
 * of its own. A processor's batch is one transaction.
 *
 * @param <T> the state
 */
public final class TransactionScoped<T> {

    private final Supplier<T> fresh;
    private final Consumer<T> beforeCommit;

    /** State made by {@code fresh}, with {@code beforeCommit} run on it just before the transaction commits. */
    public TransactionScoped(Supplier<T> fresh, Consumer<T> beforeCommit) {
        this.fresh = fresh;
        this.beforeCommit = beforeCommit;
    }

    /** State with nothing to do at commit. */
    public TransactionScoped(Supplier<T> fresh) {
        this(fresh, state -> { });
    }

    /** The current transaction's state, made now if it has none; empty outside a synchronized transaction. */
    @SuppressWarnings("unchecked")
    public Optional<T> get() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return Optional.empty();
        }
        T state = (T) TransactionSynchronizationManager.getResource(this);
        if (state == null) {
            T made = fresh.get();
            TransactionSynchronizationManager.bindResource(this, made);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    beforeCommit.accept(made);
                }

                @Override
                public void suspend() {
                    // a transaction of its own starts within this one: it has state of its own
                    TransactionSynchronizationManager.unbindResource(TransactionScoped.this);
                }

                @Override
                public void resume() {
                    TransactionSynchronizationManager.bindResource(TransactionScoped.this, made);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(TransactionScoped.this);
                }
            });
            return Optional.of(made);
        }
        return Optional.of(state);
    }

    /** The current transaction's state if it has made one already; never makes it. */
    @SuppressWarnings("unchecked")
    public Optional<T> existing() {
        return TransactionSynchronizationManager.isSynchronizationActive()
                ? Optional.ofNullable((T) TransactionSynchronizationManager.getResource(this)) : Optional.empty();
    }

    /**
     * Makes the current transaction's state if it has none: true when made now, false when it was there already or
     * there is no synchronized transaction.
     */
    public boolean makeIfAbsent() {
        return TransactionSynchronizationManager.isSynchronizationActive()
                && !TransactionSynchronizationManager.hasResource(this) && get().isPresent();
    }
}
