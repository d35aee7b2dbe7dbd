package vn.ocop.events.subject;

import vn.ocop.events.common.SealedPersonalData;

/**
 * The subject's legal representative. Name and phone are personal data and travel sealed; the position
 * (e.g. "Giám đốc") is not.
 */
public record Representative(SealedPersonalData fullName, String position, SealedPersonalData phone) {
}
