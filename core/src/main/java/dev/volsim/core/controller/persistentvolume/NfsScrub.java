package dev.volsim.core.controller.persistentvolume;

import dev.volsim.core.world.ClusterWorld;
import dev.volsim.core.world.Credentials;
import dev.volsim.core.world.FileTree;
import dev.volsim.core.world.FsException;
import dev.volsim.core.world.NfsExport;
import dev.volsim.core.world.NfsServer;
import dev.volsim.model.volume.NFSVolumeSource;
import java.util.List;
import java.util.Optional;

/**
 * What the recycler Pod does to an NFS volume: it mounts the export at {@code /scrub} as root and
 * runs {@code rm -rf /scrub/..?* /scrub/.[!.]* /scrub/* && test -z "$(ls -A /scrub)"}, so every
 * entry (dot files included) goes and the volume is empty for its next claim. Root on the client
 * is squashed as the export says, so a {@code root_squash} export may refuse the removal and the
 * recycle fails. Upstream: pkg/volume/util/recyclerclient, the recycler Pod template
 * (pkg/volume/plugins.go NewPersistentVolumeRecyclerPodTemplate) and pkg/volume/nfs (Recycle).
 */
final class NfsScrub {
  private NfsScrub() {}

  /** Empties the volume's directory on its server; the reason it failed, if it did. */
  static Optional<String> scrub(ClusterWorld world, NFSVolumeSource nfs) {
    // A localhost server is whichever node the recycler Pod lands on; volsim does not schedule the
    // recycler Pod, so such a volume is left as it is.
    if (nfs.server().equals("localhost") || nfs.server().equals("127.0.0.1")) {
      return Optional.empty();
    }
    Optional<NfsServer> found = world.resolveNfsServer(nfs.server(), null);
    if (found.isEmpty()) {
      return Optional.of("mount.nfs: Failed to resolve server " + nfs.server() + ": Name or service not known");
    }
    NfsServer server = found.get();
    if (!server.isAvailable()) {
      return Optional.of("mount.nfs: Connection timed out");
    }
    Optional<NfsExport> export = server.exportFor(nfs.path());
    Credentials as = export.map(e -> e.mapping().map(Credentials.ROOT)).orElse(Credentials.ROOT);
    FileTree disk = server.disk();
    try {
      if (!disk.exists(nfs.path(), Credentials.ROOT)) {
        return Optional.empty();
      }
      List<String> entries = disk.list(nfs.path(), as);
      String dir = nfs.path().endsWith("/") ? nfs.path() : nfs.path() + "/";
      for (String entry : entries) {
        disk.removeAll(dir + entry, as);
      }
      return Optional.empty();
    } catch (FsException e) {
      return Optional.of("rm: " + e.getMessage());
    }
  }
}
