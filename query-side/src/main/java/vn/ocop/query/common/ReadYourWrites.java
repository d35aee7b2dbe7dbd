package vn.ocop.query.common;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Read-your-writes: a client that passes the version a command answered with ({@code minVersion}) gets the
 * view only once it reflects that version, waiting a bounded time for the projection to catch up.
 */
public final class ReadYourWrites {

    private static final Duration LONGEST_WAIT = Duration.ofSeconds(5);
    private static final long POLL_MILLIS = 20;

    private ReadYourWrites() {
    }

    /**
     * Reads until what is read has reached {@code minVersion} (null: read once). When the view has nothing of
     * the record and {@code recorded} says no event of it is stored, the answer is empty at once (the caller's
     * 404) rather than a wait that could only end in {@link ViewNotCaughtUp}.
     *
     * @param read     reads the view; empty when the resource is not in it (yet)
     * @param version  the version of what was read
     * @param recorded whether the event store holds any event of the record
     * @throws ViewNotCaughtUp when the view has not caught up within the wait
     */
    public static <T> Optional<T> read(Supplier<Optional<T>> read, java.util.function.ToLongFunction<T> version,
                                       Long minVersion, BooleanSupplier recorded) {
        Optional<T> found = read.get();
        if (minVersion == null || found.isEmpty() && !recorded.getAsBoolean()) {
            return found;
        }
        long deadline = System.nanoTime() + LONGEST_WAIT.toNanos();
        while (found.isEmpty() || version.applyAsLong(found.get()) < minVersion) {
            if (System.nanoTime() > deadline) {
                throw new ViewNotCaughtUp();
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ViewNotCaughtUp();
            }
            found = read.get();
        }
        return found;
    }
}
