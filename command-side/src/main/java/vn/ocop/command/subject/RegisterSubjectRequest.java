package vn.ocop.command.subject;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import vn.ocop.events.subject.LegalForm;

/** The body of {@code POST /api/subjects}. */
record RegisterSubjectRequest(
        @NotNull LegalForm legalForm,
        @NotBlank @Size(max = 300) String name,
        @NotBlank @Size(max = 30) @Pattern(regexp = "[0-9A-Za-z][0-9A-Za-z .\\-]*",
                message = "letters, digits, spaces, dots and dashes only") String registrationNumber,
        @NotBlank @Pattern(regexp = "\\d{5}", message = "a five-digit commune code") String communeCode,
        @NotNull @Valid RepresentativeRequest representative) {

    /** The legal representative; name and phone are personal data and are sealed before any event. */
    record RepresentativeRequest(
            @NotBlank @Size(max = 200) String fullName,
            @Size(max = 100) String position,
            @Pattern(regexp = "\\+?[0-9 ]{8,15}", message = "a phone number of 8 to 15 digits") String phone) {
    }
}
