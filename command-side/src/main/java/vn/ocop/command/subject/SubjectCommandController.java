package vn.ocop.command.subject;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.ocop.command.common.CommandAccepted;
import vn.ocop.command.common.CommandExecutor;
import vn.ocop.command.common.ExpectedVersion;
import vn.ocop.command.common.IdempotentRequest;
import vn.ocop.command.subject.SubjectCommands.ChangeSubjectStandingCommand;
import vn.ocop.command.subject.SubjectCommands.UpdateSubjectProfileCommand;
import vn.ocop.command.subject.SubjectRequests.ChangeStandingRequest;
import vn.ocop.command.subject.SubjectRequests.LabourRequest;
import vn.ocop.command.subject.SubjectRequests.RegisterSubjectRequest;
import vn.ocop.command.subject.SubjectRequests.RepresentativeRequest;
import vn.ocop.command.subject.SubjectRequests.UpdateSubjectProfileRequest;
import vn.ocop.events.common.PersonalDataVault;
import vn.ocop.events.common.SealedPersonalData;
import vn.ocop.events.subject.LabourFigures;
import vn.ocop.events.subject.Representative;

/** Commands on subjects. */
@RestController
@RequestMapping("/api/subjects")
class SubjectCommandController {

    private final CommandExecutor executor;
    private final PersonalDataVault vault;

    SubjectCommandController(CommandExecutor executor, PersonalDataVault vault) {
        this.executor = executor;
        this.vault = vault;
    }

    @PostMapping
    ResponseEntity<CommandAccepted> register(@Valid @RequestBody RegisterSubjectRequest request,
                                             HttpServletRequest http) {
        IdempotentRequest idempotent = IdempotentRequest.of(http, request);
        String subjectId = UUID.randomUUID().toString();
        return executor.create(idempotent, subjectId, () -> new RegisterSubjectCommand(subjectId,
                request.legalForm(), request.name(), request.registrationNumber(), request.communeCode(),
                seal(subjectId, request.representative()), labour(request.labour()), request.certifications(),
                request.registeredOn()),
                URI.create("/api/subjects/" + subjectId));
    }

    @PatchMapping("/{id}")
    ResponseEntity<CommandAccepted> updateProfile(@PathVariable String id,
                                                  @Valid @RequestBody UpdateSubjectProfileRequest request,
                                                  @RequestHeader(name = ExpectedVersion.HEADER, required = false)
                                                  String ifMatch, HttpServletRequest http) {
        IdempotentRequest idempotent = IdempotentRequest.of(http, request);
        Long expectedVersion = ExpectedVersion.from(ifMatch);
        return executor.update(idempotent, id, () -> new UpdateSubjectProfileCommand(id, expectedVersion,
                request.name(), request.communeCode(),
                request.representative() == null ? null : seal(id, request.representative()),
                labour(request.labour()), request.certifications(), request.effectiveOn()));
    }

    @PostMapping("/{id}/status")
    ResponseEntity<CommandAccepted> changeStanding(@PathVariable String id,
                                                   @Valid @RequestBody ChangeStandingRequest request,
                                                   @RequestHeader(name = ExpectedVersion.HEADER, required = false)
                                                   String ifMatch, HttpServletRequest http) {
        IdempotentRequest idempotent = IdempotentRequest.of(http, request);
        Long expectedVersion = ExpectedVersion.from(ifMatch);
        return executor.update(idempotent, id, () -> new ChangeSubjectStandingCommand(id, expectedVersion,
                request.change(), request.effectiveOn(), request.reason()));
    }

    private Representative seal(String subjectId, RepresentativeRequest person) {
        return new Representative(
                vault.seal(subjectId, person.fullName().strip()),
                person.position() == null ? null : person.position().strip(),
                sealIfPresent(subjectId, person.phone()));
    }

    private SealedPersonalData sealIfPresent(String keyRef, String clearText) {
        return clearText == null || clearText.isBlank() ? null : vault.seal(keyRef, clearText.strip());
    }

    private static LabourFigures labour(LabourRequest labour) {
        return labour == null ? null : labour.toFigures();
    }
}
