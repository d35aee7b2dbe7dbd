package vn.ocop.command.rulebook;

/** The criteria set an evaluation is scored with, and the maxima of its parts A, B and C. */
public record CriteriaSet(String code, String legalBasis, int maxA, int maxB, int maxC) {
}
