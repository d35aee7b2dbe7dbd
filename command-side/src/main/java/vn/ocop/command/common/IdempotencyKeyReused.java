package vn.ocop.command.common;

/** The same idempotency key was sent with a different request. */
final class IdempotencyKeyReused extends DomainRuleViolation {

    IdempotencyKeyReused() {
        super(ProblemType.IDEMPOTENCY_KEY_REUSED, "Idempotency-Key",
                "This Idempotency-Key was already used for a different request.",
                "Idempotency-Key này đã được dùng cho một yêu cầu khác.");
    }
}
