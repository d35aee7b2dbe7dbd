/** The jar's command-line modes beside running the service: auditors' tools that need no running service. */
package vn.ocop.infra.cli;
