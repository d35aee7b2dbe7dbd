package vn.ocop.query.common;

/**
 * A view that holds back what a transaction writes, to write it together: all of it just before the transaction
 * commits, and whenever a reader in the same transaction — a shadow's — is about to read.
 */
public interface WriteBehind {

    /** Writes what the current transaction holds back, now. */
    void flush();
}
