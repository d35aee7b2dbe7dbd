package vn.ocop.query.dashboard;

import java.util.List;
import java.util.Map;

/**
 * The programme's figures in one group of communes and in each of its communes: a district-level unit (as it stood
 * before 2025-07-01), a commune-level unit of 2025-07-01 or a province served, as the dashboard asked. Codes the
 * reference does not place in a group are gathered under the code {@code unattributed}.
 *
 * @param districtCode      the group's code (the district's, the unit's or the province's)
 * @param districtName      the group's name
 * @param provinceCode      the province served the group lies in (null for the unattributed)
 * @param supportedProducts distinct products granted support in the fiscal year asked for
 */
public record DistrictFigures(String districtCode, String districtName, String provinceCode, long registered,
                              long inForce,
                              Map<Integer, Long> inForceByStars, long subjects, long supportedProducts,
                              List<CommuneFigures> communes) {

    public record CommuneFigures(String communeCode, String communeName, long registered, long inForce,
                                 long subjects, long supportedProducts) {
    }
}
