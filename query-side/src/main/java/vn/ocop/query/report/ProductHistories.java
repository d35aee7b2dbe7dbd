package vn.ocop.query.report;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.ocop.events.product.ProductEvent;

/** Every product's certificate timeline, folded from the stored product events in their order. */
@Component
class ProductHistories {

    private final RecordedEvents events;

    ProductHistories(RecordedEvents events) {
        this.events = events;
    }

    Map<String, CertificateTimeline> all() {
        Map<String, CertificateTimeline> timelines = new LinkedHashMap<>();
        events.forEach(ProductEvent.class, RecordedEvents.each((productId, event) ->
                timelines.computeIfAbsent(productId, id -> new CertificateTimeline()).apply(event)));
        return timelines;
    }
}
