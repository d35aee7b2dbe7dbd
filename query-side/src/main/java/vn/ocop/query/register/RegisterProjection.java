package vn.ocop.query.register;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;
import vn.ocop.events.product.ProductEvent;

/**
 * Keeps the register: each product event moves its entry on through {@link RegisterReducer}. An event at or
 * below the entry's version was applied already and changes nothing, so batches, retries and replays are safe.
 */
@Component
@ProcessingGroup(RegisterProjection.PROCESSING_GROUP)
class RegisterProjection {

    static final String PROCESSING_GROUP = "register";

    private final RegisterStore store;

    RegisterProjection(RegisterStore store) {
        this.store = store;
    }

    @EventHandler
    void on(ProductEvent event, @SequenceNumber long sequence) {
        RegisterEntry current = store.find(event.productId(), sequence).orElse(null);
        if (current != null && current.version() >= sequence) {
            return;
        }
        store.save(current, RegisterReducer.apply(current, event, sequence));
    }

    @ResetHandler
    void reset() {
        store.clear();
    }
}
