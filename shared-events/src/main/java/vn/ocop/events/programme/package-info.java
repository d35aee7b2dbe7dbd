/** Programme plans: the targets a province adopts by decision and measures itself against. */
package vn.ocop.events.programme;
