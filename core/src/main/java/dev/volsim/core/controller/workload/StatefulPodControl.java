package dev.volsim.core.controller.workload;

import dev.volsim.core.api.ApiClient;
import dev.volsim.core.api.ApiException;
import dev.volsim.core.api.EventRecorder;
import dev.volsim.core.api.ObjectKey;
import dev.volsim.model.ObjectMeta;
import dev.volsim.model.OwnerReference;
import dev.volsim.model.Records;
import dev.volsim.model.apps.StatefulSet;
import dev.volsim.model.apps.StatefulSet.PersistentVolumeClaimRetentionPolicyType;
import dev.volsim.model.core.PersistentVolumeClaim;
import dev.volsim.model.core.Pod;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Upstream's {@code StatefulPodControl} ({@code stateful_pod_control.go}): creates a Pod's
 * claims before the Pod, deletes Pods, keeps claims' owner references in line with the
 * retention policy, and records the set's events with upstream's exact texts.
 */
final class StatefulPodControl {
  private final ApiClient client;
  private final EventRecorder recorder;

  StatefulPodControl(ApiClient client, EventRecorder recorder) {
    this.client = client;
    this.recorder = recorder;
  }

  /**
   * {@code CreateStatefulPod}: the claims first (a claim being deleted fails the Pod), then the
   * Pod, then the claims' owner references for the retention policy.
   *
   * @throws ApiException when a claim or the Pod could not be created (AlreadyExists included)
   */
  void createStatefulPod(StatefulSet set, Pod pod) {
    String err = createPersistentVolumeClaims(set, pod);
    if (err != null) {
      recordPodEvent("create", set, pod, err);
      throw ApiException.internal(err);
    }
    Pod created;
    try {
      created = client.create(pod);
    } catch (ApiException e) {
      if (e.reason() != ApiException.Reason.ALREADY_EXISTS) {
        recordPodEvent("create", set, pod, e.getMessage());
      }
      throw e; // "sink already exists errors": no event, but the sync is retried
    }
    updatePodClaimForRetentionPolicy(set, created);
    recordPodEvent("create", set, created, null);
  }

  /**
   * {@code createPersistentVolumeClaims}: each missing claim is created (an event per claim); an
   * existing claim being deleted is an error, so the Pod waits for it to go.
   *
   * @return the aggregated error, or null
   */
  String createPersistentVolumeClaims(StatefulSet set, Pod pod) {
    List<String> errs = new ArrayList<>();
    for (PersistentVolumeClaim claim : StatefulSetUtils.persistentVolumeClaims(set, pod)) {
      // Read from the API, not the lagging cache: a claim created a moment ago must not be
      // created again (upstream reads its lister and may report a spurious AlreadyExists).
      PersistentVolumeClaim existing = client.get(PersistentVolumeClaim.class, claim.metadata().namespace(),
          claim.metadata().name()).orElse(null);
      if (existing == null) {
        try {
          client.create(claim);
          recordClaimEvent("create", set, pod, claim, null);
        } catch (ApiException e) {
          errs.add("failed to create PVC " + claim.metadata().name() + ": " + e.getMessage());
          if (e.reason() != ApiException.Reason.ALREADY_EXISTS) {
            recordClaimEvent("create", set, pod, claim, e.getMessage());
          }
        }
      } else if (existing.metadata().deletionTimestamp() != null) {
        errs.add("pvc " + claim.metadata().name() + " is being deleted");
      } else {
        // exists and usable
      }
    }
    return errs.isEmpty() ? null : errs.size() == 1 ? errs.get(0) : "[" + String.join(", ", errs) + "]";
  }

  /** {@code DeleteStatefulPod}. */
  void deleteStatefulPod(StatefulSet set, Pod pod) {
    try {
      client.delete(ObjectKey.of(pod));
      recordPodEvent("delete", set, pod, null);
    } catch (ApiException e) {
      recordPodEvent("delete", set, pod, e.getMessage());
      throw e;
    }
  }

  /** {@code ClaimsMatchRetentionPolicy}: whether every existing claim has the owners the policy asks. */
  boolean claimsMatchRetentionPolicy(StatefulSet set, Pod pod) {
    for (PersistentVolumeClaim template : StatefulSetUtils.persistentVolumeClaims(set, pod)) {
      PersistentVolumeClaim claim = client.get(PersistentVolumeClaim.class, template.metadata().namespace(),
          template.metadata().name()).orElse(null);
      if (claim != null && !wantedOwners(claim, set, pod).equals(claim.metadata().ownerReferences())) {
        return false;
      }
    }
    return true;
  }

  /** {@code UpdatePodClaimForRetentionPolicy}: sets or removes the set's and Pod's references. */
  void updatePodClaimForRetentionPolicy(StatefulSet set, Pod pod) {
    for (PersistentVolumeClaim template : StatefulSetUtils.persistentVolumeClaims(set, pod)) {
      PersistentVolumeClaim claim = client.get(PersistentVolumeClaim.class, template.metadata().namespace(),
          template.metadata().name()).orElse(null);
      if (claim == null || claim.metadata().deletionTimestamp() != null) {
        continue;
      }
      List<OwnerReference> wanted = wantedOwners(claim, set, pod);
      if (!wanted.equals(claim.metadata().ownerReferences())) {
        ObjectMeta meta = claim.metadata().toBuilder().ownerReferences(wanted).build();
        client.update(Records.withMetadata(claim, meta));
      }
    }
  }

  /**
   * {@code updateClaimOwnerRefForSetAndPod}: whenDeleted=Delete gives the claim a (non-controller)
   * reference to the set, so the garbage collector deletes it with the set; whenScaled=Delete
   * gives a scaled-down Pod's claim a reference to the Pod instead, so it goes with the Pod;
   * Retain removes the references. Other owners are left alone.
   */
  static List<OwnerReference> wantedOwners(PersistentVolumeClaim claim, StatefulSet set, Pod pod) {
    var policy = set.spec().persistentVolumeClaimRetentionPolicy();
    boolean scaledDown = !StatefulSetUtils.podInOrdinalRange(pod, set);
    boolean wantSet;
    boolean wantPod;
    if (policy.whenScaled() == PersistentVolumeClaimRetentionPolicyType.RETAIN) {
      wantSet = policy.whenDeleted() == PersistentVolumeClaimRetentionPolicyType.DELETE;
      wantPod = false;
    } else if (policy.whenDeleted() == PersistentVolumeClaimRetentionPolicyType.RETAIN) {
      wantSet = false;
      wantPod = scaledDown;
    } else {
      wantSet = !scaledDown;
      wantPod = scaledDown;
    }
    List<OwnerReference> out = new ArrayList<>();
    for (OwnerReference ref : claim.metadata().ownerReferences()) {
      if (!Objects.equals(ref.uid(), set.metadata().uid()) && !Objects.equals(ref.uid(), pod.metadata().uid())) {
        out.add(ref);
      }
    }
    for (OwnerReference ref : claim.metadata().ownerReferences()) {
      if (wantSet && Objects.equals(ref.uid(), set.metadata().uid())
          || wantPod && Objects.equals(ref.uid(), pod.metadata().uid())) {
        out.add(ref);
      }
    }
    if (wantSet && out.stream().noneMatch(r -> Objects.equals(r.uid(), set.metadata().uid()))) {
      out.add(new OwnerReference(set.apiVersion(), set.kind(), set.metadata().name(), set.metadata().uid(), null, null));
    }
    if (wantPod && pod.metadata().uid() != null
        && out.stream().noneMatch(r -> Objects.equals(r.uid(), pod.metadata().uid()))) {
      out.add(new OwnerReference(pod.apiVersion(), pod.kind(), pod.metadata().name(), pod.metadata().uid(), null, null));
    }
    return out;
  }

  /** {@code recordPodEvent}: "create Pod web-0 in StatefulSet web successful". */
  private void recordPodEvent(String verb, StatefulSet set, Pod pod, String err) {
    String title = Character.toUpperCase(verb.charAt(0)) + verb.substring(1);
    if (err == null) {
      recorder.normal(set, "Successful" + title,
          verb + " Pod " + pod.metadata().name() + " in StatefulSet " + set.metadata().name() + " successful");
    } else {
      recorder.warning(set, "Failed" + title,
          verb + " Pod " + pod.metadata().name() + " in StatefulSet " + set.metadata().name() + " failed error: " + err);
    }
  }

  /** {@code recordClaimEvent}: "create Claim data-web-0 Pod web-0 in StatefulSet web success". */
  private void recordClaimEvent(String verb, StatefulSet set, Pod pod, PersistentVolumeClaim claim, String err) {
    String title = Character.toUpperCase(verb.charAt(0)) + verb.substring(1);
    if (err == null) {
      recorder.normal(set, "Successful" + title, verb + " Claim " + claim.metadata().name() + " Pod "
          + pod.metadata().name() + " in StatefulSet " + set.metadata().name() + " success");
    } else {
      recorder.warning(set, "Failed" + title, verb + " Claim " + claim.metadata().name() + " for Pod "
          + pod.metadata().name() + " in StatefulSet " + set.metadata().name() + " failed error: " + err);
    }
  }
}
