package vn.ocop.query.audit.chain;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Chains every stored event, in one strictly ordered processor (a single segment; see application.yml). It is
 * never replayed: a reset would only meet events already chained. Each event also chains the events just before
 * it that committed late; a timed sweep mends anything older, and signs the chain's head when fewer than
 * {@code checkpoint-every} events arrived in an interval.
 */
@Component
@ProcessingGroup(ChainProcessor.NAME)
@DisallowReplay
public class ChainProcessor {

    public static final String NAME = "audit-chain";

    private final ChainWriter writer;
    private final TransactionTemplate transactions;

    ChainProcessor(ChainWriter writer, PlatformTransactionManager transactionManager) {
        this.writer = writer;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @EventHandler
    void on(Object event, TrackingToken token) {
        writer.append(token.position().orElseThrow(
                () -> new IllegalStateException("the audit chain needs the events' positions: " + token)));
    }

    /** Every interval: chain what the processor's stream passed by, and sign the head if it moved. */
    @Scheduled(fixedDelayString = "${ocop.audit.checkpoint-interval:10m}",
            initialDelayString = "${ocop.audit.checkpoint-interval:10m}")
    void sweepAndSign() {
        transactions.executeWithoutResult(status -> {
            writer.sweep();
            writer.signHead();
        });
    }
}
