/** The benchmark mode of the jar: the service measured beside the database's own ceiling, in one run. */
package vn.ocop.infra.bench;
