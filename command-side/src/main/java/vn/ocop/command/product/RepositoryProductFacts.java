package vn.ocop.command.product;

import java.util.Optional;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** Reads the facts from the product aggregate itself, loaded in the current unit of work. */
@Component
class RepositoryProductFacts implements ProductFacts {

    private final Repository<Product> products;

    RepositoryProductFacts(@Lazy @Qualifier("productRepository") Repository<Product> products) {
        this.products = products;
    }

    @Override
    public Optional<Fact> of(String productId) {
        try {
            return Optional.of(products.load(productId).invoke(Product::facts));
        } catch (AggregateNotFoundException missing) {
            return Optional.empty();
        }
    }
}
