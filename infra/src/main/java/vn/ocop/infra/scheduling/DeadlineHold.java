package vn.ocop.infra.scheduling;

import java.util.concurrent.CompletableFuture;

/**
 * Something that must be finished before this node fires deadlines: a history recorded after the fact (the
 * demo programme) schedules deadlines already past, which must not fire between two steps of the history they
 * belong to. The node's scheduler starts once every hold is released.
 */
public interface DeadlineHold {

    /** Completes when deadlines may fire. */
    CompletableFuture<Void> released();
}
