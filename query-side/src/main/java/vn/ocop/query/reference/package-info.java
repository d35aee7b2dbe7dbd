/** The reference data the service validates with, as integrators read it: units, taxonomies, criteria sets. */
package vn.ocop.query.reference;
