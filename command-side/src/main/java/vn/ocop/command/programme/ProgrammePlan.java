package vn.ocop.command.programme;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;
import vn.ocop.command.common.BusinessCalendar;
import vn.ocop.command.common.ProblemType;
import vn.ocop.command.product.ProductFacts;
import vn.ocop.command.programme.ProgrammeCommands.AdoptProgrammePlanCommand;
import vn.ocop.command.programme.ProgrammeCommands.AmendProgrammePlanCommand;
import vn.ocop.command.programme.ProgrammeCommands.LinkPlannedProductCommand;
import vn.ocop.command.programme.ProgrammeCommands.ListPlannedProductCommand;
import vn.ocop.events.programme.ProgrammePlanEvent.PlannedProductLinked;
import vn.ocop.events.programme.ProgrammePlanEvent.PlannedProductListed;
import vn.ocop.events.programme.ProgrammePlanEvent.ProgrammePlanAdopted;
import vn.ocop.events.programme.ProgrammePlanEvent.ProgrammePlanAmended;

/**
 * A programme plan (e.g. Kon Tum's 1392/QĐ-UBND, 2018–2030): targets adopted by a decision and amended by later
 * ones, each amendment recorded beside the targets it replaces; the product ideas it plans, and the registered
 * products that realise them.
 */
@Aggregate
class ProgrammePlan {

    @AggregateIdentifier
    private String planId;
    private int fromYear;
    private LocalDate lastDecisionOn;
    /** Planned product → the product that realises it, or null while none does. */
    private final Map<String, String> plannedProducts = new HashMap<>();
    private final Set<String> linkedProducts = new HashSet<>();

    /** For Axon, which rebuilds the aggregate from its events. */
    ProgrammePlan() {
    }

    @CommandHandler
    ProgrammePlan(AdoptProgrammePlanCommand command, BusinessCalendar calendar) {
        requirePeriod(command.fromYear(), command.toYear());
        notInFuture(command.decision().date(), calendar);
        apply(new ProgrammePlanAdopted(command.planId(), command.title().strip(), command.fromYear(),
                command.toYear(), command.targets(), command.decision()));
    }

    @CommandHandler
    long handle(AmendProgrammePlanCommand command, BusinessCalendar calendar) {
        requirePeriod(fromYear, command.toYear());
        notInFuture(command.decision().date(), calendar);
        if (command.decision().date().isBefore(lastDecisionOn)) {
            throw new PlanRuleBroken(ProblemType.AMENDMENT_BEFORE_ADOPTION, "decision.date",
                    "An amendment's decision comes after the plan's decision of " + lastDecisionOn + ".",
                    "Quyết định điều chỉnh phải sau quyết định ngày " + lastDecisionOn + ".");
        }
        apply(new ProgrammePlanAmended(planId, command.toYear(), command.targets(), command.decision()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(ListPlannedProductCommand command) {
        if (plannedProducts.containsKey(command.plannedProductId())) {
            throw new PlanRuleBroken(ProblemType.PLANNED_PRODUCT_EXISTS, "plannedProductId",
                    "The plan already lists this planned product.", "Kế hoạch đã có sản phẩm dự kiến này.");
        }
        apply(new PlannedProductListed(planId, command.plannedProductId(), command.name().strip(),
                command.districtCode(), command.communeCode(), command.groupCode()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(LinkPlannedProductCommand command, ProductFacts products) {
        if (!plannedProducts.containsKey(command.plannedProductId())) {
            throw new PlanRuleBroken(ProblemType.UNKNOWN_PLANNED_PRODUCT, "plannedProductId",
                    "The plan lists no such planned product.", "Kế hoạch không có sản phẩm dự kiến này.");
        }
        if (plannedProducts.get(command.plannedProductId()) != null || linkedProducts.contains(command.productId())) {
            throw new PlanRuleBroken(ProblemType.PRODUCT_ALREADY_LINKED, "productId",
                    "The planned product or the product is already linked.",
                    "Sản phẩm dự kiến hoặc sản phẩm đã được liên kết.");
        }
        if (products.of(command.productId()).isEmpty()) {
            throw new PlanRuleBroken(ProblemType.UNKNOWN_PRODUCT, "productId", "No product is registered with that id.",
                    "Không có sản phẩm nào với mã này.");
        }
        apply(new PlannedProductLinked(planId, command.plannedProductId(), command.productId()));
        return AggregateLifecycle.getVersion();
    }

    @EventSourcingHandler
    void on(ProgrammePlanAdopted event) {
        planId = event.planId();
        fromYear = event.fromYear();
        lastDecisionOn = event.decision().date();
    }

    @EventSourcingHandler
    void on(ProgrammePlanAmended event) {
        lastDecisionOn = event.decision().date();
    }

    @EventSourcingHandler
    void on(PlannedProductListed event) {
        plannedProducts.put(event.plannedProductId(), null);
    }

    @EventSourcingHandler
    void on(PlannedProductLinked event) {
        plannedProducts.put(event.plannedProductId(), event.productId());
        linkedProducts.add(event.productId());
    }

    private static void requirePeriod(int from, int to) {
        if (from > to) {
            throw new PlanRuleBroken(ProblemType.INVALID_PLAN_PERIOD, "toYear",
                    "The plan's last year comes after its first.", "Năm kết thúc phải sau năm bắt đầu.");
        }
    }

    private static void notInFuture(LocalDate date, BusinessCalendar calendar) {
        if (date.isAfter(calendar.today())) {
            throw new PlanRuleBroken(ProblemType.DATE_IN_FUTURE, "decision.date",
                    "The date " + date + " is in the future.", "Ngày " + date + " ở tương lai.");
        }
    }
}
