/** Operating the views: rebuild one from the events, and follow its progress. */
package vn.ocop.query.admin;
