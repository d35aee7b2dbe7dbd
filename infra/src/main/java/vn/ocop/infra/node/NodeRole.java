package vn.ocop.infra.node;

/** A part of the service a node runs. */
public enum NodeRole {
    /**
     * The write side: command endpoints, aggregates, idempotency records and the deadlines that fire certificate
     * notices and expiries.
     */
    COMMAND,
    /** The read side: the projections that keep the views, the audit chain, and every read endpoint. */
    QUERY
}
