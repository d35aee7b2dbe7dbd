package vn.ocop.query.common;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The one event processor that feeds the five views ({@link ShadowReplay#TABLES}): each view keeps its own
 * processing group (its handlers, its dead-letter queue), and the processor reads the event stream once and handles
 * a batch for all of them in one unit of work and one transaction. A view is therefore named by its processing
 * group, and this processor's tokens say how far every view has come.
 *
 * <p>A view rebuilt on the side is swapped in while no batch is in flight ({@link ViewRebuilds}): every batch holds
 * {@link #SWAP_LOCK} shared for its transaction, the swap holds it exclusively.
 */
public final class ViewsProcessor {

    /** The processor's name, under which its tokens are stored. */
    public static final String NAME = "views";

    /** The advisory lock a batch holds shared and a swap exclusively, each for its transaction. */
    public static final long SWAP_LOCK = 0x6f636f70_76696577L;

    private ViewsProcessor() {
    }

    /**
     * Makes each batch's transaction take {@link #SWAP_LOCK} shared before its first handler runs, and names the
     * batch's aggregates ({@link BatchAggregates}) for the views' look-ups to read together.
     */
    public static MessageHandlerInterceptor<EventMessage<?>> startingEachBatch(JdbcTemplate jdbc) {
        TransactionScoped<Boolean> taken = new TransactionScoped<>(() -> Boolean.TRUE);
        return new MessageHandlerInterceptor<>() {
            @Override
            public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain)
                    throws Exception {
                if (taken.makeIfAbsent()) {
                    jdbc.queryForList("select pg_advisory_xact_lock_shared(?)", SWAP_LOCK);
                    if (unitOfWork instanceof BatchingUnitOfWork<?> batch) {
                        BatchAggregates.include(batch.getMessages());
                    }
                }
                return chain.proceed();
            }
        };
    }
}
