/** What every query feature shares. */
package vn.ocop.query.common;
