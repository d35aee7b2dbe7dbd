package vn.ocop.command.subject;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import vn.ocop.command.subject.SubjectCommands.StandingChange;
import vn.ocop.events.subject.LabourFigures;
import vn.ocop.events.subject.LegalForm;

/** The bodies of the subject command endpoints. */
final class SubjectRequests {

    private SubjectRequests() {
    }

    /** {@code POST /api/subjects}. */
    record RegisterSubjectRequest(
            @NotNull LegalForm legalForm,
            @NotBlank @Size(max = 300) String name,
            @NotBlank @Size(max = 30) @Pattern(regexp = "[0-9A-Za-z][0-9A-Za-z .\\-]*",
                    message = "letters, digits, spaces, dots and dashes only") String registrationNumber,
            @NotBlank @Pattern(regexp = "\\d{5}", message = "a five-digit commune code") String communeCode,
            @NotNull @Valid RepresentativeRequest representative,
            @Valid LabourRequest labour,
            @Size(max = 20) List<@NotBlank @Size(max = 100) String> certifications,
            LocalDate registeredOn) {
    }

    /**
     * {@code PATCH /api/subjects/{id}}: only the fields given change; {@code effectiveOn}, the business date of
     * the change (a move is checked against the communes in force then), is today when not given.
     */
    record UpdateSubjectProfileRequest(
            @Size(min = 1, max = 300) String name,
            @Pattern(regexp = "\\d{5}", message = "a five-digit commune code") String communeCode,
            @Valid RepresentativeRequest representative,
            @Valid LabourRequest labour,
            @Size(max = 20) List<@NotBlank @Size(max = 100) String> certifications,
            LocalDate effectiveOn) {
    }

    /** {@code POST /api/subjects/{id}/status}. */
    record ChangeStandingRequest(
            @NotNull StandingChange change,
            @NotNull LocalDate effectiveOn,
            @Size(max = 1000) String reason) {
    }

    /** The legal representative; name and phone are personal data and are sealed before any event. */
    record RepresentativeRequest(
            @NotBlank @Size(max = 200) String fullName,
            @Size(max = 100) String position,
            @Pattern(regexp = "\\+?[0-9 ]{8,15}", message = "a phone number of 8 to 15 digits") String phone) {
    }

    record LabourRequest(
            @PositiveOrZero Integer members,
            @PositiveOrZero Integer workers,
            @PositiveOrZero Integer womenWorkers,
            @PositiveOrZero Integer ethnicMinorityWorkers) {

        LabourFigures toFigures() {
            return new LabourFigures(members, workers, womenWorkers, ethnicMinorityWorkers);
        }
    }
}
