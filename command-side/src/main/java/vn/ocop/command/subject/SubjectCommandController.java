package vn.ocop.command.subject;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.ocop.command.common.CommandAccepted;
import vn.ocop.events.common.PersonalDataVault;
import vn.ocop.events.common.SealedPersonalData;
import vn.ocop.events.subject.Representative;

/** Commands on subjects. */
@RestController
@RequestMapping("/api/subjects")
class SubjectCommandController {

    /** The sequence number of an aggregate's first event: its version right after creation. */
    private static final long FIRST_VERSION = 0;

    private final CommandGateway commands;
    private final PersonalDataVault vault;

    SubjectCommandController(CommandGateway commands, PersonalDataVault vault) {
        this.commands = commands;
        this.vault = vault;
    }

    @PostMapping
    ResponseEntity<CommandAccepted> register(@Valid @RequestBody RegisterSubjectRequest request) {
        String subjectId = UUID.randomUUID().toString();
        var person = request.representative();
        var representative = new Representative(
                vault.seal(subjectId, person.fullName().strip()),
                person.position() == null ? null : person.position().strip(),
                sealIfPresent(subjectId, person.phone()));
        commands.sendAndWait(new RegisterSubjectCommand(subjectId, request.legalForm(), request.name(),
                request.registrationNumber(), request.communeCode(), representative));
        return ResponseEntity.created(URI.create("/api/subjects/" + subjectId))
                .eTag(Long.toString(FIRST_VERSION))
                .body(new CommandAccepted(subjectId, FIRST_VERSION));
    }

    private SealedPersonalData sealIfPresent(String keyRef, String clearText) {
        return clearText == null || clearText.isBlank() ? null : vault.seal(keyRef, clearText.strip());
    }
}
