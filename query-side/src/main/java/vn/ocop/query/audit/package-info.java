/** The audit trail: who did what, when and on which decision, read from the event store. */
package vn.ocop.query.audit;
