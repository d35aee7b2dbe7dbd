/** The subjects view: one row per registered subject. */
package vn.ocop.query.subject;
