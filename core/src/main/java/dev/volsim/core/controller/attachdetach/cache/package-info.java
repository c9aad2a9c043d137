/**
 * The attach/detach controller's caches, after {@code pkg/controller/volume/attachdetach/cache}:
 * {@link dev.volsim.core.controller.attachdetach.cache.DesiredStateOfWorld} (which volumes should
 * be attached to which managed nodes, and the Pods that want them) and
 * {@link dev.volsim.core.controller.attachdetach.cache.ActualStateOfWorld} (which volumes are, or
 * may be, attached where, and what each node's {@code status.volumesAttached} should say).
 * Iteration is in key order everywhere, so the reconciler acts deterministically.
 */
package dev.volsim.core.controller.attachdetach.cache;
