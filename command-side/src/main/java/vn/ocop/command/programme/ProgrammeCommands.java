package vn.ocop.command.programme;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import vn.ocop.events.common.Decision;
import vn.ocop.events.programme.ProgrammeTargets;

/** Commands on programme plans. */
public final class ProgrammeCommands {

    private ProgrammeCommands() {
    }

    public record AdoptProgrammePlanCommand(@TargetAggregateIdentifier String planId, String title, int fromYear,
                                            int toYear, ProgrammeTargets targets, Decision decision) {
    }

    public record AmendProgrammePlanCommand(@TargetAggregateIdentifier String planId,
                                            @TargetAggregateVersion Long expectedVersion, int toYear,
                                            ProgrammeTargets targets, Decision decision) {
    }

    public record ListPlannedProductCommand(@TargetAggregateIdentifier String planId,
                                            @TargetAggregateVersion Long expectedVersion, String plannedProductId,
                                            String name, String districtCode, String communeCode,
                                            String groupCode) {
    }

    public record LinkPlannedProductCommand(@TargetAggregateIdentifier String planId,
                                            @TargetAggregateVersion Long expectedVersion, String plannedProductId,
                                            String productId) {
    }
}
