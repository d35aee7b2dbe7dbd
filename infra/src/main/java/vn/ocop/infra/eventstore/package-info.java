/** Axon's JPA event store on PostgreSQL: the column types and sequence it needs there. */
package vn.ocop.infra.eventstore;
