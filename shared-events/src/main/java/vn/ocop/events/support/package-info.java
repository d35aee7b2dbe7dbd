/** State support: budget lines by funding source and fiscal year, the grants committed on them, disbursements. */
package vn.ocop.events.support;
