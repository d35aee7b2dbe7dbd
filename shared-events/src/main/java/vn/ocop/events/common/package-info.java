/** Value types that several aggregates' events use. */
package vn.ocop.events.common;
