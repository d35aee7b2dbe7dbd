package vn.ocop.query.register;

import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.ocop.query.common.RecordStates;

/** A product's state: its register entry, as {@code GET /api/products/{id}} shows it. */
@Component
class ProductStates implements RecordStates {

    private final RegisterStore store;

    ProductStates(RegisterStore store) {
        this.store = store;
    }

    @Override
    public String type() {
        return "products";
    }

    @Override
    public String view() {
        return "register";
    }

    @Override
    public Optional<RegisterEntry> find(String id) {
        return store.find(id);
    }
}
