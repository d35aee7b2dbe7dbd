/** The runnable service: wiring of both sides, event store, database, web and observability. */
package vn.ocop.infra;
