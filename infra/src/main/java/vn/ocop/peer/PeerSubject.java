package vn.ocop.peer;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import vn.ocop.peer.PeerMessages.PeerSubjectRegistered;
import vn.ocop.peer.PeerMessages.PeerSubjectRenamed;
import vn.ocop.peer.PeerMessages.RegisterPeerSubject;
import vn.ocop.peer.PeerMessages.RenamePeerSubject;

/**
 * The peer's aggregate, of the size a quick-start sample has: a producer registered with a name, a registration
 * number and a commune, then renamed. Event-sourced without snapshots, as by default.
 */
@Aggregate
public class PeerSubject {

    @AggregateIdentifier
    private String id;
    private String name;

    protected PeerSubject() {
    }

    @CommandHandler
    public PeerSubject(RegisterPeerSubject command) {
        if (command.name() == null || command.name().isBlank()) {
            throw new IllegalArgumentException("a subject has a name");
        }
        apply(new PeerSubjectRegistered(command.id(), command.name(), command.registrationNumber(),
                command.communeCode()));
    }

    @CommandHandler
    public void handle(RenamePeerSubject command) {
        if (!command.name().equals(name)) {
            apply(new PeerSubjectRenamed(id, command.name()));
        }
    }

    @EventSourcingHandler
    void on(PeerSubjectRegistered event) {
        id = event.getId();
        name = event.getName();
    }

    @EventSourcingHandler
    void on(PeerSubjectRenamed event) {
        name = event.getName();
    }
}
