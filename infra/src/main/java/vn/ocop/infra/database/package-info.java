/** Where the data lives: an embedded PostgreSQL by default, any PostgreSQL server by configuration. */
package vn.ocop.infra.database;
