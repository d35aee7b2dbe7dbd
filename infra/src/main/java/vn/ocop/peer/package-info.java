/**
 * The benchmark's peer baseline: a minimal Axon application left at the framework's quick-start defaults
 * (JPA event store with its pooled sequence and large objects, XStream, a tracking processor handling one event
 * per transaction), so that the service's figures can be set beside what Axon on PostgreSQL gives out of the
 * box, measured in the same run. It lives outside {@code vn.ocop.infra} so that the service never scans it; it is
 * started only by {@code java -jar ocop.jar benchmark}.
 */
package vn.ocop.peer;
