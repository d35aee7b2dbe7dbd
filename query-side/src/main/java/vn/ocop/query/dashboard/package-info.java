/** Dashboards: headline counts over the register, the subjects and the support ledger. */
package vn.ocop.query.dashboard;
