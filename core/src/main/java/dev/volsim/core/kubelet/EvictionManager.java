package dev.volsim.core.kubelet;

import dev.volsim.core.controller.PeriodicLoop;
import dev.volsim.core.engine.RandomSource;
import dev.volsim.core.world.Credentials;
import dev.volsim.core.world.FileSystemView;
import dev.volsim.core.world.FileType;
import dev.volsim.core.world.FsException;
import dev.volsim.core.world.NodeDisk;
import dev.volsim.core.world.Stat;
import dev.volsim.model.Quantity;
import dev.volsim.model.core.Container;
import dev.volsim.model.core.Pod;
import dev.volsim.model.volume.ConfigMapVolumeSource;
import dev.volsim.model.volume.DownwardAPIVolumeSource;
import dev.volsim.model.volume.EmptyDirVolumeSource;
import dev.volsim.model.volume.GitRepoVolumeSource;
import dev.volsim.model.volume.StorageMedium;
import dev.volsim.model.volume.Volume;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The kubelet's eviction manager (pkg/kubelet/eviction/eviction_manager.go), as far as local
 * storage capacity isolation goes ({@code localStorageEviction}): every
 * {@code evictionMonitoringPeriod} it compares each active Pod's usage with its limits and evicts
 * the Pod that exceeds one, in upstream's order: a disk-backed emptyDir over its {@code sizeLimit}
 * ({@code emptyDirLimitEviction}), then the Pod's local ephemeral storage over the sum of its
 * containers' {@code ephemeral-storage} limits ({@code podEphemeralStorageLimitEviction}), then a
 * container's writable layer over its own limit ({@code containerEphemeralStorageLimitEviction}).
 *
 * <p>Usage comes, as upstream's, from a per-Pod volume stats cache ({@code volumeStatCalculator}):
 * a Pod's volumes are measured ({@code du}) when the analyzer first sees it, at its next tick of
 * {@code VolumeStatsAggPeriod}, then every {@code Jitter(VolumeStatsAggPeriod, 1.0)}; so a write past
 * the limit is acted on between a few seconds and about two minutes later. A Memory emptyDir is
 * never evicted for its size: its tmpfs is no larger than {@code sizeLimit}, and writes past it fail
 * with {@code No space left on device} instead. Node-pressure thresholds are not modelled.
 *
 * <p>The loop only ticks while some Pod on the node has a limit to enforce.
 */
final class EvictionManager {
  /** kubelet.go {@code evictionMonitoringPeriod = time.Second * 10}. */
  static final Duration EVICTION_MONITORING_PERIOD = Duration.ofSeconds(10);
  /** KubeletConfiguration {@code VolumeStatsAggPeriod} default (1m): the volume stats cache period. */
  static final long VOLUME_STATS_AGG_PERIOD_MICROS = 60_000_000L;
  /**
   * eviction_manager.go {@code immediateEvictionGracePeriodSeconds = 1}: local storage evictions kill
   * at once (a grace of 0 would fall back to the Pod's own grace period in the pod workers).
   */
  static final long IMMEDIATE_EVICTION_GRACE_PERIOD_SECONDS = 1;
  /** eviction/helpers.go {@code Reason}. */
  static final String REASON = "Evicted";

  private final Kubelet kubelet;
  private final PeriodicLoop loop;
  private final long startMicros;
  /** Per Pod uid: when its stats are next computed, and the last ones. */
  private final Map<String, PodVolumeStats> stats = new TreeMap<>();

  private static final class PodVolumeStats {
    long nextCalcMicros;
    /** Bytes used by each local ephemeral volume, by volume name. */
    Map<String, Long> volumes = Map.of();
    /** Bytes of each container's writable layer, by container name. */
    Map<String, Long> containers = Map.of();
    boolean calculated;
  }

  EvictionManager(Kubelet kubelet) {
    this.kubelet = kubelet;
    this.startMicros = kubelet.ctx.engine().nowMicros();
    this.loop = new PeriodicLoop(kubelet.ctx.engine(), "kubelet", "evictionManager", EVICTION_MONITORING_PERIOD,
        this::synchronize);
  }

  void start() {
    loop.start();
  }

  /** Pods changed: the loop ticks again if one of them has a limit. */
  void wake() {
    loop.wake();
  }

  /** One pass of {@code synchronize}; returns whether a Pod with a limit is still active. */
  private boolean synchronize() {
    long now = kubelet.ctx.engine().nowMicros();
    boolean work = false;
    List<PodWorker> active = new ArrayList<>();
    for (PodWorker w : kubelet.workers()) {
      if (!w.terminating && hasLocalStorageLimit(w.pod)) {
        active.add(w);
      }
    }
    stats.keySet().retainAll(active.stream().map(w -> w.uid).toList());
    for (PodWorker w : active) {
      work = true;
      PodVolumeStats s = stats.computeIfAbsent(w.uid, uid -> {
        PodVolumeStats fresh = new PodVolumeStats();
        // fsResourceAnalyzer.updateCachedPodVolumeStats runs every VolumeStatsAggPeriod from the
        // kubelet's start and starts a calculator for each Pod it has not seen.
        long since = now - startMicros;
        fresh.nextCalcMicros = startMicros
            + Math.floorDiv(since + VOLUME_STATS_AGG_PERIOD_MICROS - 1, VOLUME_STATS_AGG_PERIOD_MICROS)
            * VOLUME_STATS_AGG_PERIOD_MICROS;
        return fresh;
      });
      if (now >= s.nextCalcMicros) {
        calculate(w, s);
        // wait.JitterUntil(calcAndStoreStats, period, 1.0, sliding): the next one in [period, 2·period)
        RandomSource random = kubelet.ctx.engine().random("kubelet/" + kubelet.nodeName + "/volumeStats/" + w.uid);
        s.nextCalcMicros = now + VOLUME_STATS_AGG_PERIOD_MICROS
            + (long) (random.nextDouble() * VOLUME_STATS_AGG_PERIOD_MICROS);
      }
      if (s.calculated) {
        localStorageEviction(w, s);
      }
    }
    return work;
  }

  /** Whether the Pod has a disk-backed emptyDir with a sizeLimit or an ephemeral-storage limit. */
  static boolean hasLocalStorageLimit(Pod pod) {
    if (pod.spec() == null) {
      return false;
    }
    for (Volume v : pod.spec().volumes()) {
      if (v.source() instanceof EmptyDirVolumeSource e && !isMemory(e) && e.sizeLimit() != null
          && e.sizeLimit().signum() > 0) {
        return true;
      }
    }
    for (Container c : pod.spec().allContainers()) {
      if (ephemeralLimit(c) != null) {
        return true;
      }
    }
    return false;
  }

  /** {@code calcAndStoreStats}: du of each local ephemeral volume, and each container's writable layer. */
  private void calculate(PodWorker w, PodVolumeStats s) {
    Map<String, Long> volumes = new TreeMap<>();
    FileSystemView disk = kubelet.disk().root();
    for (Volume v : w.pod.spec().volumes()) {
      String plugin = localEphemeralPlugin(v);
      if (plugin != null) {
        volumes.put(v.name(), du(disk, NodeDisk.podVolumeDirectory(w.uid, plugin, v.name())));
      }
    }
    Map<String, Long> containers = new TreeMap<>();
    for (Map.Entry<String, RunningContainer> c : w.running.entrySet()) {
      containers.put(c.getKey(), c.getValue().root().usedBytes());
    }
    s.volumes = volumes;
    s.containers = containers;
    s.calculated = true;
  }

  /**
   * The plugin of a volume that counts as local ephemeral storage on the node's disk
   * ({@code IsLocalEphemeralVolume}: emptyDir not in memory, gitRepo, configMap, downwardAPI), else
   * null.
   */
  private static String localEphemeralPlugin(Volume v) {
    if (v.source() instanceof EmptyDirVolumeSource e) {
      return isMemory(e) ? null : "kubernetes.io/empty-dir";
    } else if (v.source() instanceof GitRepoVolumeSource) {
      return "kubernetes.io/git-repo";
    } else if (v.source() instanceof ConfigMapVolumeSource) {
      return "kubernetes.io/configmap";
    } else if (v.source() instanceof DownwardAPIVolumeSource) {
      return "kubernetes.io/downward-api";
    }
    return null;
  }

  private static boolean isMemory(EmptyDirVolumeSource e) {
    return e.medium() == StorageMedium.MEMORY;
  }

  private static Quantity ephemeralLimit(Container c) {
    if (c.resources() == null) {
      return null;
    }
    Quantity q = c.resources().limits().get("ephemeral-storage");
    return q == null || q.signum() <= 0 ? null : q;
  }

  /** {@code localStorageEviction} for one Pod: the first limit exceeded evicts it. */
  private void localStorageEviction(PodWorker w, PodVolumeStats s) {
    Pod pod = w.pod;
    // emptyDirLimitEviction
    for (Volume v : pod.spec().volumes()) {
      if (v.source() instanceof EmptyDirVolumeSource e && e.sizeLimit() != null && e.sizeLimit().signum() > 0) {
        Long used = s.volumes.get(v.name());
        if (used != null && used > e.sizeLimit().longValueCeil()) {
          evict(w, "Usage of EmptyDir volume \"" + v.name() + "\" exceeds the limit \"" + e.sizeLimit() + "\". ");
          return;
        }
      }
    }
    // podEphemeralStorageLimitEviction: PodLimits sums the containers' limits (at least the largest
    // init container's); usage is the writable layers plus the local ephemeral volumes.
    Quantity podLimit = null;
    for (Container c : pod.spec().containers()) {
      Quantity q = ephemeralLimit(c);
      if (q != null) {
        podLimit = podLimit == null ? q : podLimit.add(q);
      }
    }
    for (Container c : pod.spec().initContainers()) {
      Quantity q = ephemeralLimit(c);
      if (q != null && (podLimit == null || q.compareTo(podLimit) > 0)) {
        podLimit = q;
      }
    }
    if (podLimit != null) {
      long total = 0;
      for (long b : s.volumes.values()) {
        total += b;
      }
      for (long b : s.containers.values()) {
        total += b;
      }
      if (total > podLimit.longValueCeil()) {
        evict(w, "Pod ephemeral local storage usage exceeds the total limit of containers " + podLimit + ". ");
        return;
      }
    }
    // containerEphemeralStorageLimitEviction
    for (Container c : pod.spec().containers()) {
      Quantity limit = ephemeralLimit(c);
      Long used = s.containers.get(c.name());
      if (limit != null && used != null && used > limit.longValueCeil()) {
        evict(w, "Container " + c.name() + " exceeded its local ephemeral storage limit \"" + limit + "\". ");
        return;
      }
    }
  }

  /** {@code evictPod}: the Warning event first, then the kill with the immediate grace period. */
  private void evict(PodWorker w, String message) {
    kubelet.recorder.warning(w.pod, REASON, message);
    w.tracePod("Evicted", "Evicted " + w.key + ": " + message.strip());
    w.evict(REASON, message, IMMEDIATE_EVICTION_GRACE_PERIOD_SECONDS);
  }

  /** Bytes of regular files under {@code path} ({@code du}), symlinks not followed; 0 if missing. */
  static long du(FileSystemView view, String path) {
    Stat stat;
    try {
      stat = view.lstat(path, Credentials.ROOT);
    } catch (FsException e) {
      return 0;
    }
    if (stat.type() == FileType.REGULAR_FILE) {
      return stat.size();
    } else if (stat.type() != FileType.DIRECTORY) {
      return 0;
    }
    long total = 0;
    for (String name : view.list(path, Credentials.ROOT)) {
      total += du(view, path + "/" + name);
    }
    return total;
  }
}
