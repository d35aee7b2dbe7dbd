package vn.ocop.query.audit.chain;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Chains every stored event, in one strictly ordered processor (a single segment; see application.yml). It is
 * never replayed: a reset would only meet events already chained. The timed checkpoint signs the chain's head
 * when fewer than {@code checkpoint-every} events arrived in an interval.
 */
@Component
@ProcessingGroup(ChainProcessor.NAME)
@DisallowReplay
public class ChainProcessor {

    public static final String NAME = "audit-chain";

    private final ChainWriter writer;

    ChainProcessor(ChainWriter writer) {
        this.writer = writer;
    }

    @EventHandler
    void on(Object event, TrackingToken token) {
        writer.append(token.position().orElseThrow(
                () -> new IllegalStateException("the audit chain needs the events' positions: " + token)));
    }

    @Scheduled(fixedDelayString = "${ocop.audit.checkpoint-interval:10m}",
            initialDelayString = "${ocop.audit.checkpoint-interval:10m}")
    void signHead() {
        writer.signHead();
    }
}
