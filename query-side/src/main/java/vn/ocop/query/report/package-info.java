/** The periodic review: the year's figures computed from the events by their business dates, and their exports. */
package vn.ocop.query.report;
