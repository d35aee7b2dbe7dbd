package vn.ocop.query.dashboard;

import java.util.List;
import java.util.Map;

/**
 * The programme's figures in one district-level unit (as it stood before 2025-07-01), and in its communes.
 * Units the reference does not place in a district are gathered under the code {@code unattributed}.
 *
 * @param supportedProducts distinct products granted support in the fiscal year asked for
 */
public record DistrictFigures(String districtCode, String districtName, long registered, long inForce,
                              Map<Integer, Long> inForceByStars, long subjects, long supportedProducts,
                              List<CommuneFigures> communes) {

    public record CommuneFigures(String communeCode, String communeName, long registered, long inForce,
                                 long subjects, long supportedProducts) {
    }
}
