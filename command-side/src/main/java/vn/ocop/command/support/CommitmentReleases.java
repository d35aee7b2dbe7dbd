package vn.ocop.command.support;

/** Gives a cancelled grant's remainder back to its budget line, in the cancellation's transaction. */
interface CommitmentReleases {

    void release(String budgetLineId, String grantId, long amount);
}
