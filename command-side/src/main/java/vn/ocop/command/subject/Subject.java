package vn.ocop.command.subject;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;

import java.util.List;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;
import vn.ocop.command.common.BusinessCalendar;
import vn.ocop.command.common.Communes;
import vn.ocop.command.common.Reach;
import vn.ocop.command.subject.SubjectCommands.ChangeSubjectStandingCommand;
import vn.ocop.command.subject.SubjectCommands.UpdateSubjectProfileCommand;
import vn.ocop.command.subject.SubjectStandings.Standing;
import vn.ocop.events.subject.SubjectEvent.SubjectDissolved;
import vn.ocop.events.subject.SubjectEvent.SubjectProfileUpdated;
import vn.ocop.events.subject.SubjectEvent.SubjectRegistered;
import vn.ocop.events.subject.SubjectEvent.SubjectReinstated;
import vn.ocop.events.subject.SubjectEvent.SubjectSuspended;
import vn.ocop.reference.AdministrativeUnits;

/**
 * An OCOP subject (chủ thể OCOP): a producer that owns products. Registered once with a registration
 * number no other subject holds; its profile may change; it may be suspended and reinstated, and dissolved
 * for good. A suspended or dissolved subject registers no new products.
 */
@Aggregate(snapshotTriggerDefinition = "subjectSnapshotTrigger")
// A snapshot is the aggregate's fields, written and read by the events' JSON serializer.
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class Subject {

    @AggregateIdentifier
    private String subjectId;
    private Standing standing;
    private String communeCode;

    /** For Axon, which rebuilds the aggregate from its events. */
    Subject() {
    }

    @CommandHandler
    Subject(RegisterSubjectCommand command, RegistrationNumberRegistry registrationNumbers,
            SubjectStandings standings, MetaData metaData, BusinessCalendar calendar, AdministrativeUnits units) {
        LocalDate registeredOn = command.registeredOn() == null ? calendar.today() : command.registeredOn();
        if (registeredOn.isAfter(calendar.today())) {
            throw SubjectStandingRefused.dateInFuture("registeredOn", registeredOn);
        }
        Communes.requireInForce(units, command.communeCode(), registeredOn);
        Reach.requireReachForNew(metaData, command.communeCode());
        registrationNumbers.claim(command.registrationNumber(), command.subjectId());
        standings.record(command.subjectId(), Standing.ACTIVE);
        standings.located(command.subjectId(), command.communeCode());
        apply(new SubjectRegistered(command.subjectId(), command.legalForm(), command.name().strip(),
                command.registrationNumber().strip(), command.communeCode(), command.representative(),
                command.labour(), certifications(command.certifications()), registeredOn));
    }

    @CommandHandler
    long handle(UpdateSubjectProfileCommand command, SubjectStandings standings, BusinessCalendar calendar,
                AdministrativeUnits units) {
        if (standing == Standing.DISSOLVED) {
            throw SubjectStandingRefused.dissolved();
        }
        LocalDate effectiveOn = command.effectiveOn() == null ? calendar.today() : command.effectiveOn();
        if (effectiveOn.isAfter(calendar.today())) {
            throw SubjectStandingRefused.dateInFuture("effectiveOn", effectiveOn);
        }
        if (command.communeCode() != null) {
            Communes.requireInForce(units, command.communeCode(), effectiveOn);
            standings.located(subjectId, command.communeCode());
        }
        apply(new SubjectProfileUpdated(subjectId, command.name() == null ? null : command.name().strip(),
                command.communeCode(), command.representative(), command.labour(),
                command.certifications() == null ? null : certifications(command.certifications()), effectiveOn));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(ChangeSubjectStandingCommand command, SubjectStandings standings, BusinessCalendar calendar) {
        if (standing == Standing.DISSOLVED) {
            throw SubjectStandingRefused.dissolved();
        }
        if (command.effectiveOn().isAfter(calendar.today())) {
            throw SubjectStandingRefused.dateInFuture();
        }
        String reason = command.reason() == null ? null : command.reason().strip();
        switch (command.change()) {
            case SUSPEND -> {
                if (standing == Standing.SUSPENDED) {
                    throw SubjectStandingRefused.alreadySuspended();
                }
                standings.record(subjectId, Standing.SUSPENDED);
                apply(new SubjectSuspended(subjectId, command.effectiveOn(), reason));
            }
            case REINSTATE -> {
                if (standing != Standing.SUSPENDED) {
                    throw SubjectStandingRefused.notSuspended();
                }
                standings.record(subjectId, Standing.ACTIVE);
                apply(new SubjectReinstated(subjectId, command.effectiveOn(), reason));
            }
            case DISSOLVE -> {
                standings.record(subjectId, Standing.DISSOLVED);
                apply(new SubjectDissolved(subjectId, command.effectiveOn(), reason));
            }
        }
        return AggregateLifecycle.getVersion();
    }

    /** Every command on an existing subject: only from someone whose jurisdiction holds its commune. */
    @CommandHandlerInterceptor
    Object withinReach(CommandMessage<?> command, InterceptorChain chain) throws Exception {
        Reach.requireReach(command.getMetaData(), subjectId, communeCode);
        if (command.getPayload() instanceof UpdateSubjectProfileCommand update && update.communeCode() != null) {
            Reach.requireReachForNew(command.getMetaData(), update.communeCode());
        }
        return chain.proceed();
    }

    @EventSourcingHandler
    void on(SubjectRegistered event) {
        this.subjectId = event.subjectId();
        this.standing = Standing.ACTIVE;
        this.communeCode = event.communeCode();
    }

    @EventSourcingHandler
    void on(SubjectProfileUpdated event) {
        if (event.communeCode() != null) {
            this.communeCode = event.communeCode();
        }
    }

    @EventSourcingHandler
    void on(SubjectSuspended event) {
        this.standing = Standing.SUSPENDED;
    }

    @EventSourcingHandler
    void on(SubjectReinstated event) {
        this.standing = Standing.ACTIVE;
    }

    @EventSourcingHandler
    void on(SubjectDissolved event) {
        this.standing = Standing.DISSOLVED;
    }

    private static List<String> certifications(List<String> given) {
        return given == null ? List.of()
                : given.stream().filter(c -> c != null && !c.isBlank()).map(String::strip).distinct().toList();
    }
}
