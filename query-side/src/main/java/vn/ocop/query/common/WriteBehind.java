package vn.ocop.query.common;

/**
 * A view that holds back what a transaction writes, to write it together: all of it just before the transaction
 * commits, and whenever a reader in the same transaction — a shadow's — is about to read.
 */
public interface WriteBehind {

    /** Writes what the current transaction holds back, now. */
    void flush();

    /**
     * Forgets the rows the current transaction has read or written, so that the next look-ups ask the tables: the
     * transaction's search path has changed, and with it the tables a look-up reads.
     */
    default void readAfresh() {
    }
}
