package vn.ocop.command.product;

import java.util.Optional;

/** What other aggregates' rules may know of a product, read inside their command's unit of work. */
public interface ProductFacts {

    /**
     * @param inProgramme          its idea was registered and not returned
     * @param certificateIdInForce its certificate in force (valid or awaiting re-evaluation), or null
     */
    record Fact(String subjectId, String communeCode, boolean inProgramme, String certificateIdInForce) {
    }

    Optional<Fact> of(String productId);
}
