package dev.volsim.core.controller.persistentvolume;

import static dev.volsim.core.controller.persistentvolume.PvHelpers.accessModesKey;
import static dev.volsim.core.controller.persistentvolume.PvHelpers.claimToClaimKey;
import static dev.volsim.core.controller.persistentvolume.PvHelpers.claimrefToClaimKey;

import dev.volsim.model.core.PersistentVolume;
import dev.volsim.model.core.PersistentVolumeAccessMode;
import dev.volsim.model.core.PersistentVolumeClaim;
import dev.volsim.model.core.PersistentVolumePhase;
import dev.volsim.model.validation.AppsValidation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The PV controller's volume cache with upstream's {@code persistentVolumeOrderedIndex}
 * ({@code index.go}): volumes grouped by their access-mode set. volsim goes one step further so no
 * claim scans every PV: volumes without a claimRef sit under (access modes, class) ordered by
 * (capacity, name), and volumes with a claimRef under the claim they name. The answers are
 * upstream's {@code findBestMatchForClaim}: access-mode sets with the fewest modes first; within a
 * set a volume pre-bound to the claim wins, else the smallest that fits (ties: the first name).
 */
final class PersistentVolumeOrderedIndex {
  private record Entry(BigDecimal capacity, String name) implements Comparable<Entry> {
    private static final Comparator<Entry> ORDER =
        Comparator.comparing(Entry::capacity).thenComparing(Entry::name);

    @Override
    public int compareTo(Entry o) {
      return ORDER.compare(this, o);
    }
  }

  private final TreeMap<String, PersistentVolume> byName = new TreeMap<>();
  /** access modes key -> class -> unclaimed volumes by (capacity, name). */
  private final TreeMap<String, TreeMap<String, TreeSet<Entry>>> unclaimed = new TreeMap<>();
  /** claim key (ns/name) -> names of volumes whose claimRef names it. */
  private final TreeMap<String, TreeSet<String>> byClaimRef = new TreeMap<>();
  /** every access-mode key present, with how many volumes carry it. */
  private final TreeMap<String, Integer> modeKeys = new TreeMap<>();

  PersistentVolume get(String name) {
    return byName.get(name);
  }

  List<PersistentVolume> list() {
    return new ArrayList<>(byName.values());
  }

  void put(PersistentVolume volume) {
    remove(volume.metadata().name());
    String name = volume.metadata().name();
    byName.put(name, volume);
    String modes = accessModesKey(volume.spec().accessModes());
    modeKeys.merge(modes, 1, Integer::sum);
    if (volume.spec().claimRef() == null) {
      unclaimed.computeIfAbsent(modes, k -> new TreeMap<>())
          .computeIfAbsent(PvHelpers.getPersistentVolumeClass(volume), k -> new TreeSet<>())
          .add(new Entry(PvHelpers.storageOf(volume), name));
    } else {
      byClaimRef.computeIfAbsent(claimrefToClaimKey(volume.spec().claimRef()), k -> new TreeSet<>()).add(name);
    }
  }

  PersistentVolume remove(String name) {
    PersistentVolume old = byName.remove(name);
    if (old == null) {
      return null;
    }
    String modes = accessModesKey(old.spec().accessModes());
    modeKeys.computeIfPresent(modes, (k, n) -> n == 1 ? null : n - 1);
    if (old.spec().claimRef() == null) {
      TreeMap<String, TreeSet<Entry>> byClass = unclaimed.get(modes);
      String cls = PvHelpers.getPersistentVolumeClass(old);
      TreeSet<Entry> set = byClass.get(cls);
      set.remove(new Entry(PvHelpers.storageOf(old), name));
      if (set.isEmpty()) {
        byClass.remove(cls);
        if (byClass.isEmpty()) {
          unclaimed.remove(modes);
        }
      }
    } else {
      String key = claimrefToClaimKey(old.spec().claimRef());
      TreeSet<String> names = byClaimRef.get(key);
      names.remove(name);
      if (names.isEmpty()) {
        byClaimRef.remove(key);
      }
    }
    return old;
  }

  /** {@code findBestMatchForClaim} as the PV controller calls it (no node). */
  PersistentVolume findBestMatchForClaim(PersistentVolumeClaim claim, boolean delayBinding) {
    return findByClaim(claim, delayBinding, null, Map.of());
  }

  /**
   * {@code findByClaim} with an optional node, as the scheduler's binder calls it: with a node,
   * volumes whose node affinity excludes it are skipped (and a pre-bound one ends the search).
   */
  PersistentVolume findByClaim(PersistentVolumeClaim claim, boolean delayBinding, String nodeName,
      Map<String, String> nodeLabels) {
    for (String modes : allPossibleMatchingAccessModes(claim.spec().accessModes())) {
      // FindMatchingVolume over this set: a volume pre-bound to the claim wins at once.
      for (String name : byClaimRef.getOrDefault(claimToClaimKey(claim), new TreeSet<>())) {
        PersistentVolume v = byName.get(name);
        if (!accessModesKey(v.spec().accessModes()).equals(modes) || !PvHelpers.isVolumeBoundToClaim(v, claim)) {
          continue;
        } else if (!basicFit(v, claim)) {
          continue;
        } else if (nodeName != null && !PvHelpers.checkNodeAffinity(v, nodeName, nodeLabels)) {
          return null; // pre-bound to a volume the node cannot use: no match at all
        } else {
          return v;
        }
      }
      if (nodeName == null && delayBinding) {
        continue; // the PV controller never binds delayed claims to unclaimed volumes; the scheduler does
      }
      TreeSet<Entry> candidates = unclaimed.getOrDefault(modes, new TreeMap<>())
          .get(PvHelpers.getPersistentVolumeClaimClass(claim));
      if (candidates == null) {
        continue;
      }
      for (Entry e : candidates.tailSet(new Entry(PvHelpers.requestOf(claim), ""), true)) {
        PersistentVolume v = byName.get(e.name());
        if (!basicFit(v, claim)) {
          continue;
        } else if (v.status().phase() != PersistentVolumePhase.AVAILABLE) {
          continue;
        } else if (claim.spec().selector() != null
            && !AppsValidation.matches(claim.spec().selector(), v.metadata().labels())) {
          continue;
        } else if (nodeName != null && !PvHelpers.checkNodeAffinity(v, nodeName, nodeLabels)) {
          continue;
        } else {
          return v; // ordered by capacity: the first that fits is the smallest
        }
      }
    }
    return null;
  }

  /** Capacity, volumeMode, VolumeAttributesClass and deletion (FindMatchingVolume steps 3-6). */
  private static boolean basicFit(PersistentVolume v, PersistentVolumeClaim claim) {
    if (PvHelpers.storageOf(v).compareTo(PvHelpers.requestOf(claim)) < 0) {
      return false;
    } else if (v.spec().volumeMode() != claim.spec().volumeMode()) {
      return false;
    } else if (!Objects.equals(emptyToNull(v.spec().volumeAttributesClassName()),
        emptyToNull(claim.spec().volumeAttributesClassName()))) {
      return false;
    } else {
      return v.metadata().deletionTimestamp() == null;
    }
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  /** Every access-mode set present that holds all the claim's modes, fewest modes first. */
  private List<String> allPossibleMatchingAccessModes(List<PersistentVolumeAccessMode> claimModes) {
    Set<PersistentVolumeAccessMode> wanted = PvHelpers.modesOf(claimModes);
    List<String> out = new ArrayList<>();
    for (String key : modeKeys.keySet()) {
      if (modesOfKey(key).containsAll(wanted)) {
        out.add(key);
      }
    }
    out.sort(Comparator.comparingInt((String k) -> modesOfKey(k).size()).thenComparing(k -> k));
    return out;
  }

  private static Set<PersistentVolumeAccessMode> modesOfKey(String key) {
    List<PersistentVolumeAccessMode> modes = new ArrayList<>();
    for (String s : key.isEmpty() ? new String[0] : key.split(",")) {
      modes.add(switch (s) {
        case "RWO" -> PersistentVolumeAccessMode.READ_WRITE_ONCE;
        case "ROX" -> PersistentVolumeAccessMode.READ_ONLY_MANY;
        case "RWX" -> PersistentVolumeAccessMode.READ_WRITE_MANY;
        case "RWOP" -> PersistentVolumeAccessMode.READ_WRITE_ONCE_POD;
        default -> throw new IllegalStateException("unknown access mode key " + s);
      });
    }
    return PvHelpers.modesOf(modes);
  }
}
