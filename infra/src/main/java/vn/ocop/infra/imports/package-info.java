/**
 * Bulk import of an existing provincial OCOP list (CSV or XLSX): checked row by row into a report, then
 * recorded as the commands an officer would send, with the list's own business dates.
 */
package vn.ocop.infra.imports;
