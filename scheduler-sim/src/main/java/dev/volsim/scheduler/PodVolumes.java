package dev.volsim.scheduler;

import com.google.common.collect.ImmutableList;
import dev.volsim.model.core.PersistentVolume;
import dev.volsim.model.core.PersistentVolumeClaim;

/**
 * What VolumeBinding found for a pod on one node ({@code PodVolumes}): static bindings (a PV with
 * the claim it goes to) and claims to provision there.
 */
record PodVolumes(ImmutableList<Binding> staticBindings, ImmutableList<PersistentVolumeClaim> dynamicProvisions) {
  /** A PV chosen for a claim ({@code BindingInfo}); after Reserve {@code pv} carries the claimRef. */
  record Binding(PersistentVolume pv, PersistentVolumeClaim pvc) {}
}
