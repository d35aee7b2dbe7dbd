package vn.ocop.command.product;

/** The product aggregate's type, for a command model assembled outside Spring (synthetic histories). */
public final class ProductAggregate {

    private ProductAggregate() {
    }

    public static Class<?> type() {
        return Product.class;
    }
}
