package vn.ocop.command.common;

/**
 * A request came with an {@code Idempotency-Key} whose first request is still being carried out. Answering it
 * at once (409, retry shortly) rather than carrying it out too keeps a client's impatient retry from racing
 * its own first attempt; once the first has finished, the retry gets the first's answer.
 */
public final class RequestInProgress extends DomainRuleViolation {

    RequestInProgress() {
        super(ProblemType.REQUEST_IN_PROGRESS, "Idempotency-Key",
                "A request with this Idempotency-Key is still being carried out; retry in a moment.",
                "Yêu cầu với Idempotency-Key này đang được xử lý; vui lòng thử lại sau giây lát.");
    }
}
