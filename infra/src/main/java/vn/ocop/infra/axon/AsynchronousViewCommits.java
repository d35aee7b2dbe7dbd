package vn.ocop.infra.axon;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.ocop.query.common.TransactionScoped;

/**
 * A view's transaction commits without waiting for its WAL record to reach the disk
 * ({@code synchronous_commit = off} for that transaction alone). A view is derived: its rows and its processor's
 * token commit together, so what a crash takes of the last few milliseconds of a view's commits it takes of its
 * token too, and the processor handles those events again from the durable event table (its segments read
 * their tokens again once the server has started anew: {@link RestartAwareTokenStore}). The commands, the
 * events, the audit chain and everything else still wait for the disk. The view's commits then no longer queue
 * for disk flushes beside the commands' — the flushes the commands' acknowledgements wait on.
 */
public final class AsynchronousViewCommits implements MessageHandlerInterceptor<EventMessage<?>> {

    private final JdbcTemplate jdbc;
    /** Present once the current transaction is set. */
    private final TransactionScoped<Boolean> set = new TransactionScoped<>(() -> Boolean.TRUE);

    public AsynchronousViewCommits(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        // once per transaction (a processor's batch), not once per event
        if (set.makeIfAbsent()) {
            jdbc.execute("set local synchronous_commit = off");
        }
        return chain.proceed();
    }
}
