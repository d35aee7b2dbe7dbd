package vn.ocop.events.programme;

import org.axonframework.serialization.Revision;
import vn.ocop.events.common.Decision;

/** Everything that can happen to a programme plan. Earlier targets stay in its history. */
public sealed interface ProgrammePlanEvent {

    String planId();

    @Revision("1")
    record ProgrammePlanAdopted(String planId, String title, int fromYear, int toYear, ProgrammeTargets targets,
                                Decision decision) implements ProgrammePlanEvent {
    }

    /** A later decision set new targets (and possibly a new end year); the earlier ones stay recorded. */
    @Revision("1")
    record ProgrammePlanAmended(String planId, int toYear, ProgrammeTargets targets, Decision decision)
            implements ProgrammePlanEvent {
    }

    /** A product idea the plan foresees, in a district (before 2025-07-01) or commune and a group. */
    @Revision("1")
    record PlannedProductListed(String planId, String plannedProductId, String name, String districtCode,
                                String communeCode, String groupCode) implements ProgrammePlanEvent {
    }

    /** A planned product was matched with the registered product that realises it. */
    @Revision("1")
    record PlannedProductLinked(String planId, String plannedProductId, String productId)
            implements ProgrammePlanEvent {
    }
}
