package dev.volsim.core.volume;

import dev.volsim.core.world.FileTree;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The inline ephemeral CSI volumes a driver's node plugin holds on one node: each is created empty at
 * NodePublishVolume and deleted at NodeUnpublishVolume, so its data lives exactly as long as the Pod
 * on that node (as the csi-driver-host-path and similar ephemeral drivers keep them).
 */
final class InlineVolumes {
  private final TreeMap<String, FileTree> volumes = new TreeMap<>();

  FileTree create(String handle, String fsType) {
    return volumes.computeIfAbsent(handle, h -> FileTree.create(fsType, FileTree.UNLIMITED, 0755, 0, 0));
  }

  Optional<FileTree> get(String handle) {
    return Optional.ofNullable(volumes.get(handle));
  }

  void delete(String handle) {
    volumes.remove(handle);
  }
}
