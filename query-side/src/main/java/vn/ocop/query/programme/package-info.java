/** Programme plans and the progress against their targets in force. */
package vn.ocop.query.programme;
