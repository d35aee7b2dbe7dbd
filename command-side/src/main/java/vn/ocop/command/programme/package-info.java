/** Programme plans: targets adopted and amended by decision, planned products and their realisation. */
package vn.ocop.command.programme;
