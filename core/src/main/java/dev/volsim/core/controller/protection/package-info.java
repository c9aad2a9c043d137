/**
 * The storage-object-in-use protection controllers of kube-controller-manager:
 * {@link dev.volsim.core.controller.protection.PvcProtectionController} (finalizer
 * {@code kubernetes.io/pvc-protection}, held while a scheduled Pod object uses the claim) and
 * {@link dev.volsim.core.controller.protection.PvProtectionController} (finalizer
 * {@code kubernetes.io/pv-protection}, held while the volume is Bound). The admission plugin that
 * adds both finalizers lives in {@code dev.volsim.core.api}.
 */
package dev.volsim.core.controller.protection;
