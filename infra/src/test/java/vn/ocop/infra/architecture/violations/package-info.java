/** Deliberately broken code: each class crosses a module boundary, so the rules can be seen to fail. */
package vn.ocop.infra.architecture.violations;
