package vn.ocop.command.programme;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import vn.ocop.command.common.DecisionRequest;
import vn.ocop.events.programme.ProgrammeTargets;

/** The bodies of the programme plan endpoints. */
final class ProgrammeRequests {

    private ProgrammeRequests() {
    }

    record TargetsRequest(
            @PositiveOrZero Integer plannedProducts,
            Map<@NotBlank @Size(max = 60) String, @NotNull @PositiveOrZero Integer> plannedProductsByGroup,
            @PositiveOrZero Integer keyProducts,
            @PositiveOrZero Integer productsToProvincialLevel,
            @PositiveOrZero Integer supportedProductsPerDistrictPerYear,
            @Min(2018) @Max(2100) Integer supportedProductsFromYear,
            @Size(max = 10) List<@NotNull @Valid StarTargetRequest> starTargets,
            @PositiveOrZero Integer productsInNationalValueChains) {

        ProgrammeTargets toTargets() {
            return new ProgrammeTargets(plannedProducts, plannedProductsByGroup, keyProducts,
                    productsToProvincialLevel, supportedProductsPerDistrictPerYear, supportedProductsFromYear,
                    starTargets == null ? List.of() : starTargets.stream().map(StarTargetRequest::toTarget).toList(),
                    productsInNationalValueChains);
        }
    }

    record StarTargetRequest(
            @NotNull @Min(3) @Max(5) Integer minStars,
            @NotNull @PositiveOrZero Integer products,
            @NotNull @Min(2018) @Max(2100) Integer byYear) {

        ProgrammeTargets.StarTarget toTarget() {
            return new ProgrammeTargets.StarTarget(minStars, products, byYear);
        }
    }

    record AdoptPlanRequest(
            @NotBlank @Size(max = 500) String title,
            @NotNull @Min(2018) @Max(2100) Integer fromYear,
            @NotNull @Min(2018) @Max(2100) Integer toYear,
            @NotNull @Valid TargetsRequest targets,
            @NotNull @Valid DecisionRequest decision) {
    }

    record AmendPlanRequest(
            @NotNull @Min(2018) @Max(2100) Integer toYear,
            @NotNull @Valid TargetsRequest targets,
            @NotNull @Valid DecisionRequest decision) {
    }

    record PlannedProductRequest(
            @NotBlank @Size(max = 300) String name,
            @Pattern(regexp = "\\d{3}", message = "a three-digit district code") String districtCode,
            @Pattern(regexp = "\\d{5}", message = "a five-digit commune code") String communeCode,
            @NotBlank @Size(max = 10) String groupCode) {
    }

    record LinkRequest(@NotBlank @Size(max = 36) String productId) {
    }
}
