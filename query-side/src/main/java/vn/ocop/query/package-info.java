/** The read side: projections built from events, query handlers and the query REST API. */
package vn.ocop.query;
