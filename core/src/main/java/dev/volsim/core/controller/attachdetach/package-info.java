/**
 * The attach/detach controller ({@code pkg/controller/volume/attachdetach}):
 * {@link dev.volsim.core.controller.attachdetach.AttachDetachController} with its populator
 * (informer handlers), reconciler ({@code Reconciler}, every 100 ms: detach, attach, node status),
 * operation executor and node status updater, plus the CSI
 * {@link dev.volsim.core.controller.attachdetach.ExternalAttacher} that acts on VolumeAttachment
 * objects. The caches are in {@code cache}.
 */
package dev.volsim.core.controller.attachdetach;
