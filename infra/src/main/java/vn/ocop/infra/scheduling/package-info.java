/** Time: the service's clock and the persistent scheduler that brings deadlines back to aggregates. */
package vn.ocop.infra.scheduling;
