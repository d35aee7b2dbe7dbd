/** The service's own API as called from inside it, so that what it records goes the way every client's does. */
package vn.ocop.infra.loopback;
