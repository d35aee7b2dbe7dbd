package vn.ocop.command.subject;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import vn.ocop.events.subject.SubjectEvent.SubjectRegistered;

/**
 * An OCOP subject (chủ thể OCOP): a producer that owns products. Registered once with a registration
 * number no other subject holds.
 */
@Aggregate
class Subject {

    @AggregateIdentifier
    private String subjectId;

    /** For Axon, which rebuilds the aggregate from its events. */
    Subject() {
    }

    @CommandHandler
    Subject(RegisterSubjectCommand command, RegistrationNumberRegistry registrationNumbers) {
        registrationNumbers.claim(command.registrationNumber(), command.subjectId());
        apply(new SubjectRegistered(command.subjectId(), command.legalForm(), command.name().strip(),
                command.registrationNumber().strip(), command.communeCode(), command.representative()));
    }

    @EventSourcingHandler
    void on(SubjectRegistered event) {
        this.subjectId = event.subjectId();
    }
}
