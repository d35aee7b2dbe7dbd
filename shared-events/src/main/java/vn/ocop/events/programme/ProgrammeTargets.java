package vn.ocop.events.programme;

import java.util.List;
import java.util.Map;

/**
 * A plan's targets; any may be absent (null) when the decision sets none.
 *
 * @param plannedProducts                   products planned over the period
 * @param plannedProductsByGroup            planned products by group (free keys, e.g. "agriculture", "tourism")
 * @param keyProducts                       key products (sản phẩm chủ lực)
 * @param productsToProvincialLevel         district products to raise to provincial level
 * @param supportedProductsPerDistrictPerYear the least number of products supported in every district each year
 * @param supportedProductsFromYear         the year that minimum applies from
 * @param starTargets                       e.g. at least 250 products at 3★ or more by 2025
 * @param productsInNationalValueChains     products joining national value chains
 */
public record ProgrammeTargets(
        Integer plannedProducts,
        Map<String, Integer> plannedProductsByGroup,
        Integer keyProducts,
        Integer productsToProvincialLevel,
        Integer supportedProductsPerDistrictPerYear,
        Integer supportedProductsFromYear,
        List<StarTarget> starTargets,
        Integer productsInNationalValueChains) {

    /** At least {@code products} products at {@code minStars} or more by the end of {@code byYear}. */
    public record StarTarget(int minStars, int products, int byYear) {
    }
}
